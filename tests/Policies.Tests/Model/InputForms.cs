
namespace FargateNetwork.Policies.Tests.Model;

/// <summary>The same stack in the other input forms the readers see: a preview's unknowns, a stack export's outputs.</summary>
public static class InputForms
{
    /// <summary>
    /// As in a preview: the reference in <paramref name="property"/> of <paramref name="name"/> becomes an unknown whose
    /// property dependency names the referenced resource.
    /// </summary>
    public static IReadOnlyList<StackResource> AsPreview(IReadOnlyList<StackResource> resources, string name, string property) =>
        resources.Select(r =>
        {
            if (r.Name != name || r.Inputs.Properties[property] is not ReferenceValue reference)
            {
                return r;
            }

            var inputs = new Dictionary<string, PropertyValue>(r.Inputs.Properties, StringComparer.Ordinal) { [property] = UnknownValue.Instance };
            return r with
            {
                Inputs = new ObjectValue(inputs),
                PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { [property] = [reference.TargetUrn] },
            };
        }).ToList();

    /// <summary>As in a stack export: adds outputs to the resource <paramref name="name"/>.</summary>
    public static IReadOnlyList<StackResource> WithOutputs(IReadOnlyList<StackResource> resources, string name, params (string Key, string Value)[] outputs) =>
        resources.Select(r =>
        {
            if (r.Name != name)
            {
                return r;
            }

            var merged = new Dictionary<string, PropertyValue>(r.Outputs?.Properties ?? new Dictionary<string, PropertyValue>(), StringComparer.Ordinal);
            foreach (var (key, value) in outputs)
            {
                merged[key] = new StringValue(value);
            }

            return r with { Outputs = new ObjectValue(merged) };
        }).ToList();
}
