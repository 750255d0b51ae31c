namespace StackRules;

/// <summary>
/// The resources a reader has read so far, by URN, as <see cref="DependencyReferences"/> links the references it makes
/// (<see cref="ReferenceValue.Target"/>): the first resource of each URN among them, or null when the reader has not
/// read one (yet) or cannot tell cheaply.
/// </summary>
internal interface IReferenceTargets
{
    /// <summary>The first resource read with the URN <paramref name="urn"/>, or null.</summary>
    StackResource? TargetOf(string urn);
}
