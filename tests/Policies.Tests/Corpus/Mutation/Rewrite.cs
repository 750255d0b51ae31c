namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// A change to a stack: <see cref="Apply"/> edits the stack in place and returns false when it found nothing to change
/// (the rewrite does not apply to that stack).
/// </summary>
public sealed record Rewrite(string Name, Func<StackEdit, bool> Apply)
{
    public override string ToString() => Name;
}
