using System.Text.RegularExpressions;
using StackRules.Host.Analyzer.Protocol;
using FargateNetwork.Tests.Shared;
using Google.Protobuf.Reflection;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// Our own <c>analyzer.proto</c> against the official generated JavaScript of <c>@pulumi/pulumi</c> 3.248.0: every
/// message, field number, field name and wire type the engine's classes read must be ours too, and the other way round.
/// </summary>
public sealed partial class WireContractTests
{
    [Fact]
    public void EveryFieldMatchesTheOfficialGeneratedClasses()
    {
        var official = Official();
        var ours = Ours();
        Assert.True(official.Count > 80, $"only {official.Count} fields read from analyzer_pb.js: has its format changed?");
        Assert.Equal(official.OrderBy(f => f.Key, StringComparer.Ordinal), ours.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void ServiceHasTheEngineMethodPaths()
    {
        var js = File.ReadAllText(Path.Combine(RepositoryRoot.NodePackage("@pulumi/pulumi"), "proto", "analyzer_grpc_pb.js"));
        var paths = PathPattern().Matches(js).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        var ours = AnalyzerReflection.Descriptor.Services.Single().Methods.Select(m => $"/pulumirpc.Analyzer/{m.Name}").Order(StringComparer.Ordinal);
        Assert.Equal(paths, ours);
    }

    /// <summary>"Message.number" → "name:reader" from each <c>deserializeBinaryFromReader</c> switch.</summary>
    private static Dictionary<string, string> Official()
    {
        var js = File.ReadAllText(Path.Combine(RepositoryRoot.NodePackage("@pulumi/pulumi"), "proto", "analyzer_pb.js"));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match message in ReaderPattern().Matches(js))
        {
            foreach (Match field in CasePattern().Matches(message.Groups[2].Value))
            {
                var body = field.Groups[2].Value;
                var reader = ReadPattern().Match(body) is { Success: true } r ? r.Groups[1].Value : "readMessage";
                if (body.Contains("Map.deserializeBinary", StringComparison.Ordinal) || body.Contains("jspb.Map", StringComparison.Ordinal))
                {
                    reader = "map";
                }

                var name = SetterPattern().Match(body).Groups[2].Value.ToLowerInvariant();
                name = name.EndsWith("list", StringComparison.Ordinal) ? name[..^4] : name.EndsWith("map", StringComparison.Ordinal) ? name[..^3] : name;
                result[$"{message.Groups[1].Value}.{field.Groups[1].Value}"] = $"{name}:{reader}";
            }
        }

        return result;
    }

    private static Dictionary<string, string> Ours()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(MessageDescriptor message, string prefix)
        {
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                var reader = field.IsMap ? "map" : field.FieldType switch
                {
                    FieldType.String => "readString",
                    FieldType.Bool => "readBool",
                    FieldType.Double => "readDouble",
                    FieldType.Enum => "readEnum",
                    FieldType.Message => "readMessage",
                    var other => other.ToString(),
                };
                result[$"{prefix}{message.Name}.{field.FieldNumber}"] = $"{field.Name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()}:{reader}";
            }

            foreach (var nested in message.NestedTypes.Where(n => !n.GetOptions()?.MapEntry ?? true))
            {
                Add(nested, $"{prefix}{message.Name}.");
            }
        }

        foreach (var message in AnalyzerReflection.Descriptor.MessageTypes)
        {
            Add(message, "");
        }

        return result;
    }

    [GeneratedRegex(@"proto\.pulumirpc\.([A-Za-z.]+)\.deserializeBinaryFromReader = function\(msg, reader\) \{(.*?)\n\};", RegexOptions.Singleline)]
    private static partial Regex ReaderPattern();

    [GeneratedRegex(@"case (\d+):(.*?)break;", RegexOptions.Singleline)]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"reader\.(read\w+)\(")]
    private static partial Regex ReadPattern();

    [GeneratedRegex(@"msg\.(set|add|get)(\w+)")]
    private static partial Regex SetterPattern();

    [GeneratedRegex(@"path: '(/pulumirpc\.Analyzer/\w+)'")]
    private static partial Regex PathPattern();
}
