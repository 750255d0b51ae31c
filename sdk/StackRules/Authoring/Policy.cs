using System.Text.Json.Nodes;

namespace StackRules;

/// <summary>Where a policy runs: on one resource at a time (Pulumi's <c>Analyze</c>) or on the whole stack (<c>AnalyzeStack</c>).</summary>
public enum PolicyScope
{
    /// <summary>One resource at a time, on its inputs, before it is created or updated.</summary>
    Resource,

    /// <summary>The whole stack at once, on every resource's outputs, after the preview or update computed them.</summary>
    Stack,
}

/// <summary>
/// What every policy has: a name unique in its pack (lower-case words joined by <c>-</c>, as Pulumi requires), a
/// description, a default enforcement level and a config schema. Derive from <see cref="ResourcePolicy"/> or
/// <see cref="StackPolicy"/>, or create one of them with their delegates.
/// </summary>
public abstract class Policy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="name">Unique in the pack: letters, digits, <c>-</c> and <c>_</c> (Pulumi's rule for policy names).</param>
    /// <param name="description">One or two sentences: what is checked and why. Pulumi prints it above every violation.</param>
    protected Policy(string name, string description)
    {
        if (!PolicyName.IsValid(name))
        {
            throw new ArgumentException($"policy name \"{name}\": use letters, digits, '-' and '_' only, at most 100 characters", nameof(name));
        }

        Name = name;
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <summary>The policy's name, unique in its pack.</summary>
    public string Name { get; }

    /// <summary>What the policy checks and why.</summary>
    public string Description { get; }

    /// <summary>A short title for reports; defaults to <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The level when the pack's config does not set one. Default: <see cref="StackRules.EnforcementLevel.Advisory"/>, as in Pulumi.</summary>
    public EnforcementLevel EnforcementLevel { get; init; } = EnforcementLevel.Advisory;

    /// <summary>
    /// The JSON schema of the policy's config properties: an object schema with <c>properties</c> (and optionally
    /// <c>required</c>); see <see cref="ConfigSchema"/> for builders. Default: no properties.
    /// </summary>
    public JsonObject ConfigSchema { get; init; } = StackRules.ConfigSchema.Empty();

    /// <summary>Whether the policy runs per resource or on the whole stack.</summary>
    public abstract PolicyScope Scope { get; }

    /// <summary>True when the policy can rewrite a resource's inputs (see <see cref="RemediateResource"/>).</summary>
    public virtual bool CanRemediate => false;

    /// <summary>
    /// New inputs for <paramref name="args"/>' resource that fix this policy's violation, or null when the policy has
    /// nothing to change. Called only when the policy's level is <see cref="StackRules.EnforcementLevel.Remediate"/>.
    /// The result replaces the inputs whole, so start from <c>args.Resource.Inputs</c> (see <see cref="Remediation"/>).
    /// </summary>
    public virtual ObjectValue? RemediateResource(ResourceValidationArgs args) => null;
}

/// <summary>Pulumi's rule for policy and pack names.</summary>
public static class PolicyName
{
    /// <summary>Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>; 1 to 100 characters.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 100 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
