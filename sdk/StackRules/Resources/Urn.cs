namespace StackRules;

/// <summary>
/// Pulumi resource URNs, <c>urn:pulumi:STACK::PROJECT::QUALIFIED-TYPE::NAME</c>: the qualified type is the types of
/// the resource's parents, outermost first, and its own type, joined by <c>$</c>
/// (<c>aws:ecs/cluster:Cluster$aws:ecs/service:Service</c>), and the name is everything after the third <c>::</c>, so
/// it may hold <c>::</c> itself (pulumi/pulumi <c>sdk/go/common/resource/urn.go</c>). The SDK's one URN parser: the
/// input readers, the analyzer and <see cref="DependencyReferences"/> all read URNs here. A string with fewer than
/// three <c>::</c> is no URN: its stack, project and types are empty, and it is its own name.
/// </summary>
public static class Urn
{
    /// <summary>What every URN starts with, before the stack.</summary>
    public const string Prefix = "urn:pulumi:";

    /// <summary>The separator of a URN's parts.</summary>
    public const string Delimiter = "::";

    /// <summary>The separator of the types in a qualified type.</summary>
    public const char TypeDelimiter = '$';

    /// <summary>The URN of a resource.</summary>
    /// <param name="stack">The stack's name.</param>
    /// <param name="project">The project's name.</param>
    /// <param name="qualifiedType">The parents' types and the resource's own, joined by <c>$</c>.</param>
    /// <param name="name">The resource's name.</param>
    public static string Create(string stack, string project, string qualifiedType, string name) =>
        string.Concat(Prefix, stack, Delimiter, project, Delimiter, qualifiedType, Delimiter, name);

    /// <summary>The stack's name (<c>dev</c> in <c>urn:pulumi:dev::app::aws:ec2/vpc:Vpc::main</c>); empty for no URN.</summary>
    public static string Stack(string urn)
    {
        var parts = Parts(urn);
        if (parts.Third < 0)
        {
            return "";
        }

        var start = urn.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix.Length : 0;
        return urn[start..parts.First];
    }

    /// <summary>The project's name (<c>app</c> in <c>urn:pulumi:dev::app::aws:ec2/vpc:Vpc::main</c>); empty for no URN.</summary>
    public static string Project(string urn)
    {
        var parts = Parts(urn);
        return parts.Third < 0 ? "" : urn[(parts.First + Delimiter.Length)..parts.Second];
    }

    /// <summary>The qualified type: the parents' types and the resource's own, joined by <c>$</c>; empty for no URN.</summary>
    public static string QualifiedType(string urn)
    {
        var parts = Parts(urn);
        return parts.Third < 0 ? "" : urn[(parts.Second + Delimiter.Length)..parts.Third];
    }

    /// <summary>The resource's type token, the last type of the qualified type; empty for no URN.</summary>
    public static string Type(string urn) => TypeSpan(urn).ToString();

    /// <summary>
    /// The resource's type token as a span of <paramref name="urn"/>, without allocating: what a hot path compares
    /// or looks up (<see cref="HasType"/>).
    /// </summary>
    public static ReadOnlySpan<char> TypeSpan(string urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        var parts = Parts(urn);
        if (parts.Third < 0)
        {
            return [];
        }

        var qualified = urn.AsSpan(parts.Second + Delimiter.Length, parts.Third - parts.Second - Delimiter.Length);
        return qualified[(qualified.LastIndexOf(TypeDelimiter) + 1)..];
    }

    /// <summary>Whether the type token of <paramref name="urn"/> is <paramref name="type"/>, without allocating.</summary>
    public static bool HasType(string urn, string type) => TypeSpan(urn).SequenceEqual(type);

    /// <summary>The types of the resource's parents, outermost first; empty for a resource without a parent or no URN.</summary>
    public static IReadOnlyList<string> ParentTypes(string urn)
    {
        var types = QualifiedType(urn).Split(TypeDelimiter);
        return types.Length <= 1 ? [] : types[..^1];
    }

    /// <summary>The resource's name: everything after the third <c>::</c>; the whole string for no URN.</summary>
    public static string Name(string urn)
    {
        var parts = Parts(urn);
        return parts.Third < 0 ? urn : urn[(parts.Third + Delimiter.Length)..];
    }

    /// <summary>The resource's name as a span of <paramref name="urn"/>, without allocating (see <see cref="Name"/>).</summary>
    internal static ReadOnlySpan<char> NameSpan(string urn)
    {
        var parts = Parts(urn);
        return parts.Third < 0 ? urn : urn.AsSpan(parts.Third + Delimiter.Length);
    }

    /// <summary>
    /// The last URN this thread split into its stack, project and rest, the length of its head
    /// (<c>urn:pulumi:STACK::PROJECT::</c>) and where its first <c>::</c> is: the URNs of one stack all start with
    /// that head, so only the third <c>::</c> is searched for.
    /// </summary>
    [ThreadStatic]
    private static (string Urn, int HeadLength, int First)? lastHead;

    /// <summary>Where the first three <c>::</c> are; <c>Third</c> is -1 when the string has fewer.</summary>
    private static (int First, int Second, int Third) Parts(string urn)
    {
        ArgumentNullException.ThrowIfNull(urn);
        int first, second;
        if (lastHead is var (last, headLength, headFirst) && urn.AsSpan().StartsWith(last.AsSpan(0, headLength)))
        {
            // The same characters up to the head's end: the same first two delimiters, the second ending the head.
            (first, second) = (headFirst, headLength - Delimiter.Length);
        }
        else
        {
            first = urn.IndexOf(Delimiter, StringComparison.Ordinal);
            second = first < 0 ? -1 : urn.IndexOf(Delimiter, first + Delimiter.Length, StringComparison.Ordinal);
            if (second >= 0)
            {
                lastHead = (urn, second + Delimiter.Length, first);
            }
        }

        var third = second < 0 ? -1 : urn.IndexOf(Delimiter, second + Delimiter.Length, StringComparison.Ordinal);
        return (first, second, third);
    }
}
