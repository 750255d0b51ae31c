namespace FargateNetwork.Policies.Model;

/// <summary>Whether a value is set, not set, or not known yet (a preview's unknown, an unresolved reference).</summary>
public enum FactState
{
    Absent,
    Unknown,
    Known,
}

/// <summary>
/// A property value as a rule sees it: known, absent, or unknown. Rules only report what is known; an unknown fact
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

    public FactState State { get; }

    /// <summary>True when the value came from a Pulumi secret: rules may use it, messages show <c>[secret]</c>.</summary>
    public bool IsSecret { get; }

    /// <summary>The value for a message: <c>[secret]</c> for a secret, the state's name when not known.</summary>
    public string Shown => IsSecret ? "[secret]" : ToString();

    public static Fact<T> Absent => default;

    public static Fact<T> Unknown => new(FactState.Unknown, default);

    public bool IsKnown => State == FactState.Known;

    public bool IsUnknown => State == FactState.Unknown;

    public bool IsAbsent => State == FactState.Absent;

    /// <summary>The value; only valid when <see cref="IsKnown"/>.</summary>
    public T Value => State == FactState.Known ? value! : throw new InvalidOperationException($"the fact is {State}, not known");

    public static Fact<T> Of(T value) => new(FactState.Known, value);

    /// <summary>The same fact, marked secret (or not).</summary>
    public Fact<T> Secret(bool isSecret = true) => new(State, value, isSecret);

    public Fact<T> OrDefault(T fallback) => State == FactState.Absent ? Of(fallback) : this;

    /// <summary>True only when the value is known and satisfies <paramref name="predicate"/>.</summary>
    public bool Is(Func<T, bool> predicate) => IsKnown && predicate(value!);

    public Fact<TResult> Select<TResult>(Func<T, TResult> map) => State switch
    {
        FactState.Known => Fact<TResult>.Of(map(value!)).Secret(IsSecret),
        FactState.Unknown => Fact<TResult>.Unknown,
        _ => Fact<TResult>.Absent,
    };

    public override string ToString() => IsSecret ? "[secret]" : State == FactState.Known ? $"{value}" : State.ToString().ToLowerInvariant();
}
#pragma warning restore CA1000
