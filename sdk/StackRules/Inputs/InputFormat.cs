namespace StackRules.Inputs;

/// <summary>The kinds of input the check reads, detected from the document's top-level keys.</summary>
public enum InputFormat
{
    /// <summary>A Pulumi YAML or JSON template: a top-level <c>resources</c> map.</summary>
    Template,

    /// <summary><c>pulumi stack export</c>: a top-level <c>deployment</c> with <c>resources</c>.</summary>
    StackExport,

    /// <summary><c>pulumi preview --json</c>: a top-level <c>steps</c> array.</summary>
    Preview,
}
