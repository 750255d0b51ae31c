namespace StackRules;

/// <summary>How a violation of a policy is treated, as in Pulumi's policy packs.</summary>
public enum EnforcementLevel
{
    /// <summary>Reported as a warning; the deployment goes on.</summary>
    Advisory,

    /// <summary>Reported as an error; the preview or update fails.</summary>
    Mandatory,

    /// <summary>Not evaluated; reports nothing.</summary>
    Disabled,

    /// <summary>
    /// The policy's remediation rewrites the resource's inputs before it is deployed (Pulumi's <c>Remediate</c> call).
    /// A violation the remediation cannot fix is reported as mandatory, as Pulumi does.
    /// </summary>
    Remediate,
}

/// <summary>The one mapping between <see cref="EnforcementLevel"/> and the text Pulumi's config and reports use.</summary>
public static class EnforcementLevels
{
    /// <summary>The level's name as <c>--policy-pack-config</c> spells it: <c>advisory</c>, <c>mandatory</c>, <c>disabled</c>, <c>remediate</c>.</summary>
    public static string Text(this EnforcementLevel level) => level switch
    {
        EnforcementLevel.Advisory => "advisory",
        EnforcementLevel.Mandatory => "mandatory",
        EnforcementLevel.Disabled => "disabled",
        EnforcementLevel.Remediate => "remediate",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not an enforcement level"),
    };

    /// <summary>Every level's text, quoted, for a message that lists them: <c>"advisory", "mandatory", "remediate" or "disabled"</c>.</summary>
    public static string Choices { get; } =
        $"\"{EnforcementLevel.Advisory.Text()}\", \"{EnforcementLevel.Mandatory.Text()}\", \"{EnforcementLevel.Remediate.Text()}\" or \"{EnforcementLevel.Disabled.Text()}\"";

    /// <summary>Parses a level's text; false for anything else (the text is case-sensitive, as in Pulumi).</summary>
    public static bool TryParse(string text, out EnforcementLevel level)
    {
        (var ok, level) = text switch
        {
            "advisory" => (true, EnforcementLevel.Advisory),
            "mandatory" => (true, EnforcementLevel.Mandatory),
            "disabled" => (true, EnforcementLevel.Disabled),
            "remediate" => (true, EnforcementLevel.Remediate),
            _ => (false, EnforcementLevel.Advisory),
        };
        return ok;
    }
}
