using System.Text.Json.Nodes;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf.WellKnownTypes;
using Google.Protobuf;
using Grpc.Core;
using StringValue = StackRules.StringValue;
using WireLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Pulumi's <c>pulumirpc.Analyzer</c> service over <see cref="PolicyPack"/>: <c>Analyze</c> runs the resource-scoped
/// policies on one resource's inputs, <c>AnalyzeStack</c> the stack-scoped ones on every resource's outputs, linked
/// through <c>propertyDependencies</c> (ids are unknown in a preview). A bad request gets a gRPC error that says what
/// is wrong; it never stops the process.
/// </summary>
/// <remarks>
/// The methods are bound by <see cref="AnalyzerMethods"/> (not by a generated base class): <c>AnalyzeStack</c> reads its
/// request with <see cref="StackRequestDecoder"/> and writes its response with <see cref="AnalyzeStackOutput"/>, every
/// other request with a Google.Protobuf parser whose recursion limit fits deep provider schemas.
/// </remarks>
internal sealed class AnalyzerService(AnalyzerSession session, Action stop)
{
    public Task<AnalyzerHandshakeResponse> Handshake(AnalyzerHandshakeRequest request)
    {
        session.EngineAddress = request.EngineAddress;
        if (request.HasRootDirectory)
        {
            session.RootDirectory = request.RootDirectory;
        }

        return Task.FromResult(new AnalyzerHandshakeResponse());
    }

    public Task<AnalyzerStackConfigureResponse> ConfigureStack(AnalyzerStackConfigureRequest request)
    {
        session.Stack = new StackIdentity(request.Organization, request.Project, request.Stack, request.DryRun, new Dictionary<string, string>(request.Tags));
        return Task.FromResult(new AnalyzerStackConfigureResponse());
    }

    public Task<PluginInfo> GetPluginInfo(Empty request) =>
        Task.FromResult(new PluginInfo { Version = session.Definition.Version });

    public Task<AnalyzerInfo> GetAnalyzerInfo(Empty request) =>
        Task.FromResult(AnalyzerInfoMapping.Build(session.Definition));

    public Task<Empty> Configure(ConfigureAnalyzerRequest request)
    {
        var config = new JsonObject();
        try
        {
            foreach (var (policy, settings) in request.PolicyConfig.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var entry = settings?.Properties is { } properties ? ConfigProperties(policy, properties) : [];
                entry.Remove("enforcementLevel");
                entry["enforcementLevel"] = AnalyzerInfoMapping.ToConfig(settings?.EnforcementLevel ?? WireLevel.Advisory);
                config[policy] = entry;
            }

            session.Pack = session.Definition.Configure(config);
        }
        catch (PolicyConfigException e)
        {
            throw BadRequest.Reject("Configure", e.Message);
        }

        return Task.FromResult(new Empty());
    }

    /// <summary>A policy's config properties as JSON; a Struct JSON cannot hold (a value with no kind) names the policy.</summary>
    private static JsonObject ConfigProperties(string policy, Struct properties)
    {
        try
        {
            return JsonNode.Parse(JsonFormatter.Default.Format(properties)) as JsonObject ?? [];
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new PolicyConfigException(
                $"policy config for '{policy}': the properties are not valid JSON ({e.Message}); give numbers, strings, booleans, lists or objects.");
        }
    }

    public Task<AnalyzeResponse> Analyze(AnalyzeRequest request)
    {
        if (string.IsNullOrEmpty(request.Urn) || string.IsNullOrEmpty(request.Type))
        {
            throw BadRequest.Reject("Analyze", "the request has no urn or no type; the engine always sends both.");
        }

        var resource = ResourceOf(request);
        var pack = session.Pack;
        return Task.FromResult(Respond(pack, () => pack.AnalyzeResource(resource), request.Urn));
    }

    /// <summary>
    /// <c>AnalyzeStack</c> on a parsed request (tests and in-process callers): the same path as the wire, through
    /// <see cref="StackRequestDecoder"/> and <see cref="AnalyzeStackOutput"/>.
    /// </summary>
    public async Task<AnalyzeResponse> AnalyzeStack(AnalyzeStackRequest request) =>
        (await AnalyzeStack(AnalyzeStackInput.Decode(request.ToByteArray(), session.References))).ToResponse();

    /// <summary><c>AnalyzeStack</c> on the resources <see cref="StackRequestDecoder"/> read from the request, answered as the wire bytes.</summary>
    public Task<AnalyzeStackOutput> AnalyzeStack(AnalyzeStackInput request)
    {
        var pack = session.Pack;
        try
        {
            return Task.FromResult(new AnalyzeStackOutput(pack.Pack, Analyze(pack, () => pack.AnalyzeStack(request.Resources), "the stack")));
        }
        finally
        {
            // The violations hold their own strings: the pools' tables go back for the next request.
            request.Release();
        }
    }

    /// <summary>
    /// The remediations of one resource: each policy at level <c>remediate</c> that rewrites it returns the whole new
    /// inputs (an entry without properties would wipe them, so a policy with nothing to change returns none).
    /// </summary>
    public Task<RemediateResponse> Remediate(AnalyzeRequest request)
    {
        if (string.IsNullOrEmpty(request.Urn) || string.IsNullOrEmpty(request.Type))
        {
            throw BadRequest.Reject("Remediate", "the request has no urn or no type; the engine always sends both.");
        }

        var resource = ResourceOf(request);
        var pack = session.Pack;
        IReadOnlyList<StackRules.Remediation> remediations;
        try
        {
            remediations = pack.Remediate(resource);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw BadRequest.Fail(StatusCode.Internal, $"policy pack {pack.Pack.Name}@v{pack.Pack.Version} failed to remediate {request.Urn}: {e.GetType().Name}: {e.Message}");
        }

        var response = new RemediateResponse();
        foreach (var remediation in remediations)
        {
            response.Remediations.Add(new Protocol.Remediation
            {
                PolicyName = remediation.Policy,
                PolicyPackName = pack.Pack.Name,
                PolicyPackVersion = pack.Pack.Version,
                Description = pack.Pack.Find(remediation.Policy)?.Description ?? "",
                Properties = PropertyEncoder.Encode(remediation.Properties),
            });
        }

        return Task.FromResult(response);
    }

    /// <summary>The resource of an <c>Analyze</c> or <c>Remediate</c> request: inputs, options and provider.</summary>
    private static StackResource ResourceOf(AnalyzeRequest request)
    {
        var options = request.Options is { } o
            ? new ResourceOptions(o.Protect, o.IgnoreChanges.ToList(), o.DeleteBeforeReplace, o.AdditionalSecretOutputs.ToList(), o.Aliases.ToList(), [])
            : null;
        var provider = request.Provider is { } p
            ? new ProviderResource(p.Type, p.Name, p.Urn, PropertyDecoder.Decode(p.Properties))
            : null;
        return new StackResource(request.Urn, request.Type, NameOf(request.Name, request.Urn), PropertyDecoder.Decode(request.Properties), Parent: request.Options is { Parent.Length: > 0 } parent ? parent.Parent : null)
        {
            Options = options,
            Provider = provider,
        };
    }

    public Task<Empty> Cancel(Empty request)
    {
        // Stop after this answer is on its way; the engine sends SIGINT next anyway.
        _ = Task.Delay(50).ContinueWith(_ => stop(), TaskScheduler.Default);
        return Task.FromResult(new Empty());
    }

    /// <summary>An <c>AnalyzerResource</c> (outputs, dependencies) as a <see cref="StackResource"/>.</summary>
    public static StackResource StackResourceOf(AnalyzerResource r, DependencyReferences references) =>
        StackResourceFrom(
            r.Urn,
            r.Type,
            r.Name,
            r.Parent,
            PropertyDecoder.Decode(r.Properties),
            r.PropertyDependencies.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<string>)(p.Value?.Urns.ToList() ?? []),
                StringComparer.Ordinal),
            references,
            new StackRequestDecoder.ResourceExtras
            {
                Options = r.Options is { } o ? new ResourceOptions(o.Protect, o.IgnoreChanges.ToList(), o.DeleteBeforeReplace, o.AdditionalSecretOutputs.ToList(), o.Aliases.ToList(), []) : null,
                Provider = r.Provider is { } p ? new ProviderResource(p.Type, p.Name, p.Urn, PropertyDecoder.Decode(p.Properties)) : null,
                Dependencies = r.Dependencies.Count > 0 ? r.Dependencies.ToList() : null,
            });

    /// <summary>
    /// A resource of <c>AnalyzeStack</c> from its decoded parts: unknown ids resolved through the property
    /// dependencies, the id taken from the outputs when known.
    /// </summary>
    internal static StackResource StackResourceFrom(
        string urn, string type, string name, string parent, ObjectValue outputs, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies, DependencyReferences references, StackRequestDecoder.ResourceExtras extras = default)
    {
        var properties = references.Resolve(outputs, dependencies);
        var id = properties.Properties.TryGetValue("id", out var idValue) && idValue is StringValue s && s.Value.Length > 0 ? s.Value : null;
        return new StackResource(urn, type, NameOf(name, urn), properties, id, parent.Length == 0 ? null : parent, dependencies, properties)
        {
            Options = extras.Options,
            Provider = extras.Provider,
            Dependencies = extras.Dependencies,
        };
    }

    private static string NameOf(string name, string urn) => string.IsNullOrEmpty(name) ? Urn.Name(urn) : name;

    private static AnalyzeResponse Respond(ConfiguredPack pack, Func<IReadOnlyList<Violation>> analyze, string subject)
    {
        var violations = Analyze(pack, analyze, subject);
        var response = new AnalyzeResponse();
        response.Diagnostics.AddRange(violations.Where(v => v.Level != StackRules.EnforcementLevel.Disabled).Select(v => Diagnostic(pack.Pack, v)));
        return response;
    }

    private static IReadOnlyList<Violation> Analyze(ConfiguredPack pack, Func<IReadOnlyList<Violation>> analyze, string subject)
    {
        try
        {
            return analyze();
        }
        catch (Exception e) when (e is not RpcException)
        {
            // A rule bug must not take the plugin (and the engine's run) down with a crash.
            throw BadRequest.Fail(StatusCode.Internal, $"policy pack {pack.Pack.Name}@v{pack.Pack.Version} failed on {subject}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// A violation as the official <c>@pulumi/policy</c> server reports it: message = description, newline, finding.
    /// A violation at level <c>remediate</c> is one its remediation did not fix, which the engine treats as mandatory.
    /// </summary>
    public static AnalyzeDiagnostic Diagnostic(PolicyPack pack, Violation violation)
    {
        var description = pack.Find(violation.Policy)?.Description ?? "";
        var level = violation.Level == StackRules.EnforcementLevel.Remediate ? StackRules.EnforcementLevel.Mandatory : violation.Level;
        return new AnalyzeDiagnostic
        {
            PolicyName = violation.Policy,
            PolicyPackName = pack.Name,
            PolicyPackVersion = pack.Version,
            Description = description,
            Message = description.Length == 0 ? violation.Message : $"{description}\n{violation.Message}",
            EnforcementLevel = AnalyzerInfoMapping.ToWire(level),
            Urn = violation.Urn,
        };
    }
}
