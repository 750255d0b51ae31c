using System.Diagnostics.CodeAnalysis;

// Test stacks are written as literal arrays for readability; they are built once per test.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Justification = "Readable test fixtures.")]
