namespace StackRules.Reports;

/// <summary>How <c>check</c> prints its results.</summary>
public enum OutputFormat
{
    /// <summary>For people: violations grouped by resource, a summary line per input.</summary>
    Text,

    /// <summary>For scripts: <c>{"violations":[...],"reachability":[...]}</c>.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code-scanning tools.</summary>
    Sarif,

    /// <summary>Markdown for a pull-request comment: a Mermaid diagram per VPC, the violations with fixes, the cost table.</summary>
    Markdown,
}
