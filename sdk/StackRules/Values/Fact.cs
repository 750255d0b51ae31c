namespace StackRules;

/// <summary>Whether a value is set, not set, or not known yet (a preview's unknown, an unresolved reference).</summary>
public enum FactState
{
    /// <summary>Not set.</summary>
    Absent,

    /// <summary>Set, but not known yet.</summary>
    Unknown,

    /// <summary>Set and known.</summary>
    Known,
}

/// <summary>
/// A property value as a policy sees it: known, absent, or unknown. Rules only report what is known; an unknown fact
/// never turns into a violation. <see cref="OrDefault"/> applies the provider's documented default to an absent value
/// and leaves an unknown one unknown.
/// </summary>
#pragma warning disable CA1000 // Fact<string>.Unknown reads like the domain; a non-generic factory would not infer T.
public readonly record struct Fact<T>
{
    private readonly T? value;

    private Fact(FactState state, T? value, bool isSecret = false)
    {
        State = state;
        this.value = value;
        IsSecret = isSecret;
    }

    /// <summary>Known, absent or unknown.</summary>
    public FactState State { get; }

    /// <summary>True when the value came from a Pulumi secret: rules may use it, messages show <c>[secret]</c>.</summary>
    public bool IsSecret { get; }

    /// <summary>The value for a message: <c>[secret]</c> for a secret, the state's name when not known.</summary>
    public string Shown => IsSecret ? "[secret]" : ToString();

    /// <summary>A value that is not set.</summary>
    public static Fact<T> Absent => default;

    /// <summary>A value that is set but not known yet.</summary>
    public static Fact<T> Unknown => new(FactState.Unknown, default);

    /// <summary>True when the value is known.</summary>
    public bool IsKnown => State == FactState.Known;

    /// <summary>True when the value is not known yet.</summary>
    public bool IsUnknown => State == FactState.Unknown;

    /// <summary>True when the value is not set.</summary>
    public bool IsAbsent => State == FactState.Absent;

    /// <summary>The value; only valid when <see cref="IsKnown"/>.</summary>
    public T Value => State == FactState.Known ? value! : throw new InvalidOperationException($"the fact is {State}, not known");

    /// <summary>A known value.</summary>
    public static Fact<T> Of(T value) => new(FactState.Known, value);

    /// <summary>The same fact, marked secret (or not).</summary>
    public Fact<T> Secret(bool isSecret = true) => new(State, value, isSecret);

    /// <summary>The provider's default for an absent value; a known or unknown value stays as it is.</summary>
    public Fact<T> OrDefault(T fallback) => State == FactState.Absent ? Of(fallback) : this;

    /// <summary>True only when the value is known and satisfies <paramref name="predicate"/>.</summary>
    public bool Is(Func<T, bool> predicate) => IsKnown && predicate(value!);

    /// <summary>The value mapped with <paramref name="map"/> when known; the state and secrecy kept.</summary>
    public Fact<TResult> Select<TResult>(Func<T, TResult> map) => State switch
    {
        FactState.Known => Fact<TResult>.Of(map(value!)).Secret(IsSecret),
        FactState.Unknown => Fact<TResult>.Unknown,
        _ => Fact<TResult>.Absent,
    };

    /// <summary>A known value as text: a string is itself (messages show it often; no copy is made).</summary>
    private static string Text(T? value) => typeof(T) == typeof(string) ? (string?)(object?)value ?? "" : $"{value}";

    /// <summary><c>[secret]</c> for a secret, the value when known, else <c>absent</c> or <c>unknown</c>.</summary>
    public override string ToString() => IsSecret ? "[secret]" : State switch
    {
        FactState.Known => Text(value),
        FactState.Unknown => "unknown",
        _ => "absent",
    };
}
#pragma warning restore CA1000
