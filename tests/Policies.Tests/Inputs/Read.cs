using FargateNetwork.Policies.Pack;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>Reads inline documents and fixtures, and finds resources and properties in the result.</summary>
internal static class Read
{
    public static StackInput Text(string text, string name = "inline.yaml") => StackInput.Parse(text, name, name, FargatePack.References);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "inputs", name);

    public static StackInput File(string name) => StackInput.Load(Fixture(name), TextReader.Null, FargatePack.References);

    public static StackResource Resource(this StackInput input, string name) => input.Resources.Single(r => r.Name == name);

    public static PropertyValue Input(this StackResource resource, string property) => resource.Inputs.Properties[property];

    public static PropertyValue At(this PropertyValue value, params object[] path)
    {
        foreach (var step in path)
        {
            value = (value, step) switch
            {
                (SecretValue s, _) => s.Inner.At(step),
                (ObjectValue o, string key) => o.Properties[key],
                (ArrayValue a, int index) => a.Items[index],
                _ => throw new InvalidOperationException($"cannot step into {value} with {step}"),
            };
        }

        return value;
    }
}
