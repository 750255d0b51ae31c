using FargateNetwork.Policies.Pack;
using System.Text;
using System.Text.Json;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>
/// Input built to exhaust time, memory or the stack: every reader refuses it with one line naming the file and the
/// line, column or key (issue 10, items 2, 3, 6, 7), instead of crashing, hanging or loading it.
/// </summary>
public class HostileInputTests
{
    private static InputException Refused(string text, string name = "bad.yaml") =>
        Assert.Throws<InputException>(() => StackInput.Parse(text, name, name, FargatePack.References));

    private static void OneLine(InputException e, string file = "bad.yaml")
    {
        Assert.StartsWith(file + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>Nine levels of fn::join, each joining ten copies of the level below: 10^10 characters if built.</summary>
    [Fact]
    public void AJoinBombThroughAliasesIsRefused()
    {
        var lines = new List<string> { "resources:", "  v:", "    type: aws:ec2/vpc:Vpc", "    properties:", "      tags:", "        l0: &l0 xxxxxxxxxx" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"        l{i}: &l{i} {{fn::join: ['', [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]]}}");
        }

        var e = Refused(string.Join('\n', lines));
        OneLine(e);
        Assert.Contains("line 5: resource 'v': fn::join results add up to more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AJoinBombThroughVariablesInJsonIsRefused()
    {
        var variables = new Dictionary<string, object> { ["l0"] = "xxxxxxxxxx" };
        for (var i = 1; i < 10; i++)
        {
            variables[$"l{i}"] = new Dictionary<string, object> { ["fn::join"] = new object[] { "", Enumerable.Repeat($"${{l{i - 1}}}", 10).ToArray() } };
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["variables"] = variables,
            ["resources"] = new Dictionary<string, object> { ["v"] = new Dictionary<string, object> { ["type"] = "aws:ec2/vpc:Vpc", ["properties"] = new Dictionary<string, string> { ["tag"] = "${l9}" } } },
        });
        var e = Refused(json, "bad.json");
        OneLine(e, "bad.json");
        Assert.Contains("resource 'v': fn::join results add up to more than", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Aliases of aliases share one node in memory, but the rules would walk 10^30 values: refused.</summary>
    [Fact]
    public void AnAliasBombIsRefusedByWhatItExpandsTo()
    {
        var lines = new List<string> { "name: laughs", "variables:", "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 30; i++)
        {
            lines.Add($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        lines.AddRange(["resources:", "  vpc:", "    type: aws:ec2:Vpc", "    properties:", "      tags: *a29"]);
        var e = Refused(string.Join('\n', lines));
        OneLine(e);
        Assert.Contains("resource 'vpc': expands to more than 16,777,216 values and characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModestReuseOfAliasesAndVariablesIsRead()
    {
        var input = Read.Text("""
            variables:
              tags: &t {team: net, env: dev}
              cidr: 10.0.0.0/16
            resources:
              a: {type: aws:ec2:Vpc, properties: {cidrBlock: "${cidr}", tags: *t}}
              b: {type: aws:ec2:Vpc, properties: {cidrBlock: {fn::join: ["", ["10.1.0.0", "/16"]]}, tags: *t}}
            """);
        Assert.Equal(2, input.Resources.Count);
    }

    public static TheoryData<string, string, string> Deep() => new()
    {
        // Flow YAML nesting (the YAML scanner's slow case) and JSON nesting, refused as they are read.
        { "flow-map.yaml", "resources: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000), "bad.yaml: line 1, column 1032: nested more than 256 levels" },
        { "json-array.json", new string('[', 40_000) + new string(']', 40_000), "bad.yaml: line 1, column 257: nested more than 256 levels" },
        { "json-object.json", "{\"resources\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 5_000)) + "1" + new string('}', 5_001), "bad.yaml: line 1, column 1545: nested more than 256 levels" },
        { "block.yaml", "resources:\n" + string.Concat(Enumerable.Range(1, 300).Select(i => new string(' ', i) + "- \n")), "bad.yaml: line 257, column 257: nested more than 256 levels" },
    };

    [Theory]
    [MemberData(nameof(Deep))]
    public void DeepNestingIsRefusedWithItsPosition(string label, string text, string expected)
    {
        var e = Refused(text);
        OneLine(e);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(label);
    }

    [Fact]
    public void AChainOfVariablesCannotNestPastTheLimit()
    {
        var text = new StringBuilder("variables:\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append($"  v{i}: [\"${{v{i + 1}}}\"]\n");
        }

        text.Append("  v20000: x\nresources:\n  a:\n    type: aws:ec2:Vpc\n    properties: {tags: \"${v0}\"}\n");
        var e = Refused(text.ToString());
        OneLine(e);
        Assert.Contains("nested more than 256 levels, counting the variables it uses", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "unterminated-flow", "a: [\nb\n", "bad.yaml: invalid YAML at line 2, column 1: cannot be read past here; check that every [ and { is closed" },
        { "unterminated-flow-map", "resources: {a: 1\n", "bad.yaml: invalid YAML at line" },
        { "duplicate-yaml", "resources:\n  vpc: {type: aws:ec2:Vpc}\n  vpc: {type: aws:ec2:Vpc}\n", "bad.yaml: line 3, column 3: the key 'vpc' appears twice in one map" },
        { "duplicate-json", "{\"resources\": {\"a\": {\"type\": \"aws:ec2:Vpc\"}, \"a\": {\"type\": \"aws:ec2:Vpc\"}}}", "bad.yaml: invalid JSON at line 1:" },
        { "self-alias", "resources:\n  vpc: &v\n    type: aws:ec2:Vpc\n    properties: {n: *v}\n", "bad.yaml: line 4, column 21: the alias *v is inside the node it names" },
        { "unknown-alias", "resources: *nowhere\n", "bad.yaml: line 1, column 12: the alias *nowhere names no anchor before it" },
        { "complex-key", "resources:\n  ? [a, b]\n  : 1\n", "bad.yaml: line 2, column 5: a mapping key must be a scalar" },
        { "two-documents", "resources: {}\n---\nresources: {}\n", "bad.yaml: line 2, column 1: a second YAML document" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputGivesOneLineWithItsPosition(string label, string text, string expected)
    {
        var e = Refused(text);
        OneLine(e);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(label);
    }

    [Fact]
    public void AFileOverTheSizeLimitIsRefusedFromItsLength()
    {
        var path = Path.Combine(Path.GetTempPath(), $"check-big-{Guid.NewGuid():N}.json");
        try
        {
            using (var file = File.Create(path))
            {
                // Sparse: costs no disk, and the reader must refuse it without reading it.
                file.SetLength(InputLimits.MaxInputBytes + 1);
            }

            var e = Assert.Throws<InputException>(() => StackInput.Load(path, TextReader.Null, FargatePack.References));
            Assert.Equal($"{path}: larger than 128 MiB, the most the check reads from one input; check a smaller stack or split the file", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ADeviceWithoutEndIsRefusedAtOnce()
    {
        var e = Assert.Throws<InputException>(() => StackInput.Load("/dev/zero", TextReader.Null, FargatePack.References));
        Assert.Equal("/dev/zero: a NUL byte at offset 0: not a YAML or JSON text file", e.Message);
    }

    [Fact]
    public void AStreamIsReadUpToTheLimitOnly()
    {
        var e = Assert.Throws<InputException>(() => InputText.ReadAll(new StringReader(new string('a', 70_000)), "<stdin>", 65_536));
        Assert.Equal("<stdin>: larger than 65536 bytes, the most the check reads from one input; check a smaller stack or split the file", e.Message);
        Assert.Equal(1000, InputText.ReadAll(new StringReader(new string('a', 1000)), "<stdin>", 65_536).Length);
    }
}
