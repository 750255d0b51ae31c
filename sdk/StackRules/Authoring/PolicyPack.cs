using System.Text.Json.Nodes;
using StackRules.Reports;

namespace StackRules;

/// <summary>
/// A policy pack: a name, a version and its policies (Pulumi's <c>PolicyPack</c>). Hand it to
/// <c>PolicyHost.Run(args, pack)</c> in the pack's <c>Main</c>; call <see cref="Configure"/> to evaluate it in-process
/// (tests, or a program checking its own output).
/// </summary>
public sealed class PolicyPack
{
    /// <summary>Creates a pack.</summary>
    /// <param name="name">The pack's name (what <c>PulumiPolicy.yaml</c> and the Pulumi console show): letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
    /// <param name="version">The pack's version, such as <c>0.1.0</c>.</param>
    /// <param name="policies">The policies, in the order reports list them; names must be unique.</param>
    public PolicyPack(string name, string version, IReadOnlyList<Policy> policies)
    {
        if (!PolicyName.IsValid(name))
        {
            throw new ArgumentException($"pack name \"{name}\": use letters, digits, '-', '_' and '.' only", nameof(name));
        }

        var duplicate = policies.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two policies are named \"{duplicate.Key}\"; policy names must be unique in a pack", nameof(policies));
        }

        Name = name;
        Version = version;
        Policies = policies;
    }

    /// <summary>The pack's name.</summary>
    public string Name { get; }

    /// <summary>The pack's version.</summary>
    public string Version { get; }

    /// <summary>The pack's policies.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    /// <summary>A title for reports; defaults to <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>One sentence on what the pack checks.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// Property names that hold ids of one resource type (<c>subnetId</c> → <c>aws:ec2/subnet:Subnet</c>): in a preview
    /// such ids are unknown, and a value under one of these keys that depends on exactly as many resources of that type
    /// becomes a <see cref="ReferenceValue"/> (see <see cref="DependencyReferences"/>). Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReferenceKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>The pack's own part of the offline reports (a diagram, a table, a cost); none by default.</summary>
    public PackReport? Report { get; init; }

    /// <summary>The pack at its defaults.</summary>
    public ConfiguredPack Defaults() => Configure(null);

    /// <summary>
    /// The pack with a config in the shape of <c>--policy-pack-config</c> (null: defaults). Throws
    /// <see cref="PolicyConfigException"/> naming the policy and key when the config is invalid.
    /// </summary>
    public ConfiguredPack Configure(JsonObject? config) => new(this, PolicyConfig.Parse(config, Policies));

    /// <summary>The policy named <paramref name="name"/>, or null.</summary>
    public Policy? Find(string name) => Policies.FirstOrDefault(p => p.Name == name);
}
