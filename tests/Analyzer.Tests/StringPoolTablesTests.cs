using FargateNetwork.Policies.Pack;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using StringValue = StackRules.StringValue;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The string pools' tables are kept from one request to the next (<see cref="StringPoolTables"/>): a table comes back
/// empty, so a request decoded after another with the same URNs finds only its own resources, by URN and through its
/// references, in any parts; a released stack refuses to be searched; and a table rented is always empty.
/// </summary>
public sealed class StringPoolTablesTests
{
    [Fact]
    public void ARequestAfterAnotherFindsOnlyItsOwnResources()
    {
        var random = new Random(47);
        var checkedLookups = 0;
        for (var round = 0; round < 60; round++)
        {
            var first = ReferenceTargetsTests.Request(random, random.Next(30, 300), repeatUrns: round % 3 == 0);
            var second = first.Clone();
            foreach (var resource in second.Resources)
            {
                resource.Properties.Fields["marker"] = Value.ForString("second");
            }

            var before = StackRequestDecoder.Decode(first.ToByteArray(), FargatePack.References, random.Next(1, 4));
            Assert.NotNull(before.Find(before[0].Urn));
            before.Release();
            Assert.Throws<ObjectDisposedException>(() => before.Find(before[0].Urn));

            var after = StackRequestDecoder.Decode(second.ToByteArray(), FargatePack.References, random.Next(1, 4));
            foreach (var resource in after)
            {
                var found = after.Find(resource.Urn);
                Assert.NotNull(found);
                Assert.Contains(found, after);
                Assert.Equal(new StringValue("second"), found.Inputs.Properties["marker"]);
                checkedLookups++;
            }

            foreach (var reference in after.SelectMany(r => ReferenceTargetsTests.ReferencesIn(r.Inputs)))
            {
                if (after.Find(reference) is { } target)
                {
                    Assert.Equal(new StringValue("second"), target.Inputs.Properties["marker"]);
                }
            }

            after.Release();
        }

        Assert.True(checkedLookups > 1_000);
    }

    [Fact]
    public void ATableRentedIsEmpty()
    {
        for (var i = 0; i < 50; i++)
        {
            var table = StringPoolTables.Rent(64);
            Assert.Empty(table);
            table["x" + i] = i;
            StringPoolTables.Return(table);
        }
    }
}
