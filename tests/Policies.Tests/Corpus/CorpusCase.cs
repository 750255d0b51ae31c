using FargateNetwork.Policies.Pack;
using StackRules.Inputs;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// One stack of the corpus: a Pulumi YAML template in <c>Corpus/Stacks/NAME.yaml</c> (written as a user writes it;
/// its header names the public program whose network shape it follows) and the expected verdict.
/// </summary>
/// <param name="Name">The file name without extension.</param>
/// <param name="Follows">The public repository and file the network shape follows.</param>
/// <param name="Region">The stack's Region (the provider's <c>region</c> in the export form).</param>
/// <param name="Mandatory">The exact set of mandatory violations, as (policy, resource logical name).</param>
/// <param name="Why">The AWS fact behind the expectation, with the page that states it.</param>
/// <param name="Issue9">Which item of issue 9 the case checks, if any: where today's verdict is wrong, the case fails until the fix lands.</param>
public sealed record CorpusCase(
    string Name,
    string Follows,
    string Region,
    (string Policy, string Resource)[] Mandatory,
    string Why,
    string? Issue9 = null)
{
    /// <summary>Config values and invoke results (variable name → literal) as the deployed stack has them.</summary>
    public Dictionary<string, object> Deployed { get; init; } = [];

    /// <summary>Policy pack config (JSON), as <c>--policy-pack-config</c> would give it.</summary>
    public string? Config { get; init; }

    /// <summary>(policy, resource) advisories that must not be reported (noise the issue names).</summary>
    public (string Policy, string Resource)[] NoAdvisory { get; init; } = [];

    /// <summary>(policy, resource) advisories that must be reported.</summary>
    public (string Policy, string Resource)[] Advisory { get; init; } = [];

    /// <summary>Logical names of resources the tasks do not depend on (removing them never adds a mandatory violation).</summary>
    public string[] Unneeded { get; init; } = [];

    public static string Folder => RepositoryRoot.File("tests", "Policies.Tests", "Corpus");

    /// <summary>Every corpus file's resources as the reader gives them: each template, then each export.</summary>
    public static IEnumerable<IReadOnlyList<StackResource>> Stacks()
    {
        foreach (var (folder, pattern) in new[] { ("Stacks", "*.yaml"), ("Exports", "*.json") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Folder, folder), pattern).Order())
            {
                yield return StackInput.Load(file, TextReader.Null, FargatePack.References).Resources;
            }
        }
    }

    public string TemplatePath => Path.Combine(Folder, "Stacks", Name + ".yaml");

    public string ExportPath => Path.Combine(Folder, "Exports", Name + ".json");

    public string TemplateText => File.ReadAllText(TemplatePath);

    /// <summary>The template as the reader sees it before deployment (references, unknown config and invokes).</summary>
    public IReadOnlyList<StackResource> Template() => StackInput.Parse(TemplateText, TemplatePath, Name + ".yaml", FargatePack.References).Resources;

    /// <summary>The export form as generated now from the template and <see cref="Deployed"/>.</summary>
    public string GenerateExport()
    {
        var deployed = StackInput.Parse(DeployedTemplate.Resolve(TemplateText, Deployed), TemplatePath, Name + ".yaml", FargatePack.References).Resources;
        return StackExportWriter.Write(deployed, Region);
    }

    /// <summary>The committed export form (<c>Corpus/Exports/NAME.json</c>).</summary>
    public IReadOnlyList<StackResource> Export() => StackInput.Parse(File.ReadAllText(ExportPath), ExportPath, Name + ".json", FargatePack.References).Resources;

    /// <summary>The <c>pulumi preview --json --show-sames</c> form of the deployed stack (derived from the export).</summary>
    public IReadOnlyList<StackResource> Preview() =>
        StackInput.Parse(PreviewWriter.FromExport(File.ReadAllText(ExportPath)), ExportPath, Name + ".preview.json", FargatePack.References).Resources;

    public IReadOnlyList<StackResource> Form(string form) => form switch
    {
        "template" => Template(),
        "export" => Export(),
        "preview" => Preview(),
        _ => throw new ArgumentException($"no form {form}"),
    };

    public override string ToString() => Name;
}
