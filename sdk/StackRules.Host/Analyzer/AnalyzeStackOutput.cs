using System.Buffers;
using System.Text;
using StackRules.Host.Analyzer.Protocol;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The response of <c>AnalyzeStack</c> as it goes on the wire: the violations written straight as an
/// <c>AnalyzeResponse</c>'s diagnostics (the bytes Google.Protobuf writes for the message
/// <see cref="AnalyzerService.Diagnostic"/> builds), without a message object per diagnostic and without the
/// description-newline-finding string each diagnostic's message is: its two parts are written one after the other.
/// </summary>
internal sealed class AnalyzeStackOutput
{
    private const int DiagnosticsField = 2;
    private const int PolicyNameField = 1;
    private const int PackNameField = 2;
    private const int PackVersionField = 3;
    private const int DescriptionField = 4;
    private const int MessageField = 5;
    private const int LevelField = 7;
    private const int UrnField = 8;

    private readonly PolicyPack pack;
    private readonly List<Violation> violations;
    private readonly Dictionary<string, PolicyBytes> policies = new(StringComparer.Ordinal);
    private int[]? sizes;
    private int[]? messageSizes;

    /// <summary>The response for <paramref name="violations"/> (a disabled one is not reported) of <paramref name="pack"/>.</summary>
    public AnalyzeStackOutput(PolicyPack pack, IReadOnlyList<Violation> violations)
    {
        this.pack = pack;
        this.violations = new List<Violation>(violations.Count);
        foreach (var violation in violations)
        {
            if (violation.Level != EnforcementLevel.Disabled)
            {
                this.violations.Add(violation);
            }
        }
    }

    /// <summary>The number of diagnostics.</summary>
    public int Count => violations.Count;

    /// <summary>The size of the message in bytes.</summary>
    public int CalculateSize()
    {
        if (sizes is null)
        {
            sizes = new int[violations.Count];
            messageSizes = new int[violations.Count];
            for (var i = 0; i < violations.Count; i++)
            {
                (sizes[i], messageSizes[i]) = DiagnosticSize(violations[i]);
            }
        }

        var size = 0;
        foreach (var diagnostic in sizes)
        {
            size += 1 + VarintSize((uint)diagnostic) + diagnostic;
        }

        return size;
    }

    /// <summary>Writes the message (<see cref="CalculateSize"/> bytes) to <paramref name="writer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        CalculateSize();
        for (var i = 0; i < violations.Count; i++)
        {
            var violation = violations[i];
            var policy = BytesOf(violation.Policy);
            Tag(writer, DiagnosticsField, sizes![i]);
            writer.Write(policy.Fields);
            if (messageSizes![i] > 0)
            {
                // The message as Pulumi prints it: the policy's description, then the violation's own message.
                Tag(writer, MessageField, messageSizes[i]);
                if (policy.Description.Length > 0)
                {
                    writer.Write(policy.Description);
                    writer.GetSpan(1)[0] = (byte)'\n';
                    writer.Advance(1);
                }

                violation.Text.WriteUtf8(writer);
            }

            if (Level(violation) is var level and not 0)
            {
                var span = writer.GetSpan(1 + 5);
                span[0] = (byte)(LevelField << 3);
                writer.Advance(1 + WriteVarint(span[1..], (uint)level));
            }

            Field(writer, UrnField, violation.Urn);
        }
    }

    /// <summary>The message's bytes.</summary>
    public byte[] ToByteArray()
    {
        var writer = new ArrayBufferWriter<byte>(Math.Max(CalculateSize(), 1));
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The message as Google.Protobuf reads it (tests and in-process callers).</summary>
    public AnalyzeResponse ToResponse() => AnalyzeResponse.Parser.ParseFrom(ToByteArray());

    /// <summary>A diagnostic's size, and its message field's (0: no message field).</summary>
    private (int Diagnostic, int Message) DiagnosticSize(Violation violation)
    {
        var policy = BytesOf(violation.Policy);
        var message = policy.Description.Length == 0
            ? violation.Text.Utf8Length
            : policy.Description.Length + 1 + violation.Text.Utf8Length;
        var level = Level(violation);
        var size = policy.Fields.Length
            + (message == 0 ? 0 : 1 + VarintSize((uint)message) + message)
            + (level == 0 ? 0 : 1 + VarintSize((uint)level))
            + FieldSize(violation.Urn);
        return (size, message);
    }

    /// <summary>The wire level, as <see cref="AnalyzerService.Diagnostic"/> maps it.</summary>
    private static int Level(Violation violation) =>
        (int)AnalyzerInfoMapping.ToWire(violation.Level == EnforcementLevel.Remediate ? EnforcementLevel.Mandatory : violation.Level);

    /// <summary>
    /// What every diagnostic of a policy repeats, encoded once: its fields before the message (policy name, pack name
    /// and version, description) and the description that starts its message.
    /// </summary>
    private PolicyBytes BytesOf(string policy)
    {
        if (!policies.TryGetValue(policy, out var bytes))
        {
            var description = pack.Find(policy)?.Description ?? "";
            var fields = new ArrayBufferWriter<byte>();
            Field(fields, PolicyNameField, policy);
            Field(fields, PackNameField, pack.Name);
            Field(fields, PackVersionField, pack.Version);
            Field(fields, DescriptionField, description);
            policies[policy] = bytes = new PolicyBytes(fields.WrittenSpan.ToArray(), Encoding.UTF8.GetBytes(description));
        }

        return bytes;
    }

    private sealed record PolicyBytes(byte[] Fields, byte[] Description);

    private static int FieldSize(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        return 1 + VarintSize((uint)bytes) + bytes;
    }

    /// <summary>A string field, omitted when empty (proto3 writes no default value).</summary>
    private static void Field(IBufferWriter<byte> writer, int field, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        Tag(writer, field, Encoding.UTF8.GetByteCount(text));
        Encoding.UTF8.GetBytes(text, writer);
    }

    /// <summary>The tag of a length-delimited field and its length.</summary>
    private static void Tag(IBufferWriter<byte> writer, int field, int length)
    {
        var span = writer.GetSpan(1 + 5);
        span[0] = (byte)((field << 3) | 2);
        writer.Advance(1 + WriteVarint(span[1..], (uint)length));
    }

    private static int VarintSize(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private static int WriteVarint(Span<byte> span, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        return i;
    }
}
