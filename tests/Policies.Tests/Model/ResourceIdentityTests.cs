using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// The model's indexes compare resources by identity (<see cref="ResourceIdentity"/>): equal resources that are
/// different objects are different keys, and the hashes made as resources are created spread (a run of them made on
/// one thread is all distinct, so a large stack's index does not degrade into long chains).
/// </summary>
public class ResourceIdentityTests
{
    [Fact]
    public void EqualResourcesAreDifferentKeys()
    {
        var resource = Resource(0);
        var copy = resource with { };
        Assert.Equal(resource, copy); // the record's equality
        Assert.False(ResourceIdentity.Instance.Equals(resource, copy));
        Assert.True(ResourceIdentity.Instance.Equals(resource, resource));
        var index = new Dictionary<StackResource, int>(ResourceIdentity.Instance) { [resource] = 1, [copy] = 2 };
        Assert.Equal(2, index.Count);
        Assert.Equal(1, index[resource]);
        Assert.Equal(2, index[copy]);
    }

    [Fact]
    public void HashesMadeOnOneThreadAreDistinct()
    {
        var resources = Enumerable.Range(0, 50_000).Select(Resource).ToList();
        Assert.Equal(resources.Count, resources.Select(ResourceIdentity.Instance.GetHashCode).Distinct().Count());

        // And they spread over a table's buckets as random hashes would: no bucket of a 10,007-bucket table holds more
        // than a few. (The bound was 8, and failed once in a full run: over 1,000 thread ids and starting counts the
        // fullest bucket holds 5 to 10, as for random hashes, where 13 or more has a chance under one in a million.)
        var buckets = resources.Take(10_000).GroupBy(r => (uint)ResourceIdentity.Instance.GetHashCode(r) % 10_007u);
        Assert.InRange(buckets.Max(b => b.Count()), 1, 12);
    }

    private static StackResource Resource(int i) =>
        new($"urn:pulumi:s::p::aws:ec2/subnet:Subnet::s{i}", "aws:ec2/subnet:Subnet", $"s{i}", new ObjectValue(new Dictionary<string, PropertyValue>()));
}
