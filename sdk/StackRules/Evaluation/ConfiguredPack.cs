namespace StackRules;

/// <summary>
/// A pack with its effective settings: what the analyzer server and the offline check run. Thread-safe: every call
/// builds its own evaluation scope.
/// </summary>
public sealed class ConfiguredPack
{
    private readonly IReadOnlyDictionary<string, PolicySettings> settings;

    internal ConfiguredPack(PolicyPack pack, IReadOnlyDictionary<string, PolicySettings> settings)
    {
        Pack = pack;
        this.settings = settings;
    }

    /// <summary>The pack.</summary>
    public PolicyPack Pack { get; }

    /// <summary>The effective settings of a policy (level and properties).</summary>
    public PolicySettings SettingsOf(string policy) => settings[policy];

    /// <summary>Runs the resource policies on one resource's inputs (Pulumi's <c>Analyze</c>).</summary>
    public IReadOnlyList<Violation> AnalyzeResource(StackResource resource)
    {
        var scope = new EvaluationScope([resource], Lookup);
        var violations = new List<Violation>();
        foreach (var policy in Enabled<ResourcePolicy>().Where(p => p.AppliesTo(resource.Type)))
        {
            Collect(policy, resource, scope, violations);
        }

        return violations;
    }

    /// <summary>Runs the stack policies on every resource (Pulumi's <c>AnalyzeStack</c>).</summary>
    public IReadOnlyList<Violation> AnalyzeStack(IReadOnlyList<StackResource> resources)
    {
        var scope = new EvaluationScope(resources, Lookup);
        scope.BuildScreenApart();
        var violations = new List<Violation>();
        foreach (var policy in Enabled<StackPolicy>())
        {
            Collect(policy, scope, violations);
        }

        return violations;
    }

    /// <summary>
    /// The offline check: every enabled policy over the whole stack (resource policies on each resource). A violation
    /// of a policy at level <c>remediate</c> whose remediation changes the resource is reported at that level (Pulumi
    /// would fix it at deployment); one it cannot fix is mandatory.
    /// </summary>
    public PackEvaluation Evaluate(IReadOnlyList<StackResource> resources)
    {
        var scope = new EvaluationScope(resources, Lookup);
        var violations = new List<Violation>();
        foreach (var policy in Pack.Policies.Where(p => settings[p.Name].Level != EnforcementLevel.Disabled))
        {
            if (policy is ResourcePolicy resourcePolicy)
            {
                foreach (var resource in resources.Where(r => resourcePolicy.AppliesTo(r.Type)))
                {
                    Collect(resourcePolicy, resource, scope.For(resource), violations, scope);
                }
            }
            else if (policy is StackPolicy stackPolicy)
            {
                Collect(stackPolicy, scope, violations);
            }
        }

        return new PackEvaluation(violations, scope);
    }

    /// <summary>
    /// The remediations of one resource (Pulumi's <c>Remediate</c>): each policy at level <c>remediate</c> that can
    /// rewrite it, in pack order, each seeing the inputs the previous one returned.
    /// </summary>
    public IReadOnlyList<Remediation> Remediate(StackResource resource)
    {
        var remediations = new List<Remediation>();
        foreach (var policy in Pack.Policies.Where(p => p.CanRemediate && settings[p.Name].Level == EnforcementLevel.Remediate))
        {
            if (policy is ResourcePolicy r && !r.AppliesTo(resource.Type))
            {
                continue;
            }

            var scope = new EvaluationScope([resource], Lookup);
            if (policy.RemediateResource(new ResourceValidationArgs(resource, settings[policy.Name], scope)) is { } inputs && !SameProperties(inputs, resource.Inputs))
            {
                remediations.Add(new Remediation(policy.Name, inputs));
                resource = resource with { Inputs = inputs };
            }
        }

        return remediations;
    }

    private PolicySettings? Lookup(string policy) => settings.GetValueOrDefault(policy);

    private IEnumerable<T> Enabled<T>()
        where T : Policy =>
        Pack.Policies.OfType<T>().Where(p => settings[p.Name].Level != EnforcementLevel.Disabled);

    private void Collect(ResourcePolicy policy, StackResource resource, EvaluationScope scope, List<Violation> into, EvaluationScope? stack = null)
    {
        var violations = new Violations(resource);
        policy.ValidateResource(new ResourceValidationArgs(resource, settings[policy.Name], scope), violations);
        Add(policy, violations, stack ?? scope, into);
    }

    private void Collect(StackPolicy policy, EvaluationScope scope, List<Violation> into)
    {
        var violations = new Violations(null);
        policy.ValidateStack(new StackValidationArgs(settings[policy.Name], scope), violations);
        Add(policy, violations, scope, into);
    }

    private void Add(Policy policy, Violations violations, EvaluationScope scope, List<Violation> into)
    {
        var level = settings[policy.Name].Level;
        var seen = new ReportedPairs();
        foreach (var (urn, message, advisoryOnly) in violations.Entries)
        {
            if (!seen.Add(urn, message))
            {
                continue;
            }

            var resource = urn is null ? null : scope.Find(urn);
            var effective = advisoryOnly ? EnforcementLevel.Advisory : level;
            if (effective == EnforcementLevel.Remediate)
            {
                effective = resource is not null && policy.CanRemediate && Fixes(policy, resource, scope) ? EnforcementLevel.Remediate : EnforcementLevel.Mandatory;
            }

            into.Add(new Violation(policy.Name, effective, urn ?? "", resource?.Type ?? "", resource?.Name ?? "", scope.Screen(message)));
        }
    }

    private bool Fixes(Policy policy, StackResource resource, EvaluationScope scope) =>
        policy.RemediateResource(new ResourceValidationArgs(resource, settings[policy.Name], scope.For(resource))) is { } inputs && !SameProperties(inputs, resource.Inputs);

    private static bool SameProperties(ObjectValue a, ObjectValue b) => PropertyValue.Same(a, b);
}

/// <summary>What an offline evaluation found, and the extensions it built (for the pack's reports).</summary>
public sealed class PackEvaluation
{
    private readonly EvaluationScope scope;

    internal PackEvaluation(IReadOnlyList<Violation> violations, EvaluationScope scope)
    {
        Violations = violations;
        this.scope = scope;
    }

    /// <summary>Every violation, in pack order.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The resources evaluated.</summary>
    public IReadOnlyList<StackResource> Resources => scope.Resources;

    /// <summary>An extension of this evaluation (built now if no policy asked for it).</summary>
    public T Use<T>(StackExtension<T> extension)
        where T : class => scope.Use(extension);

    /// <summary>Text with every secret value of the stack replaced by <c>[secret]</c>.</summary>
    public string Screen(string text) => scope.Screen(text);

    /// <summary>The effective settings of the policy <paramref name="policy"/>, or null when the pack has no such policy.</summary>
    public PolicySettings? SettingsOf(string policy) => scope.SettingsOf(policy);
}
