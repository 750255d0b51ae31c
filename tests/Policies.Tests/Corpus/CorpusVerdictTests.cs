using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// Every corpus stack, as a template, a stack export and a preview (--show-sames), gives exactly the expected
/// mandatory violations (and the advisories the case names, and none of those it rules out). Cases marked with an
/// issue 9 item fail on the code before that item is fixed: they are the acceptance test for it.
/// </summary>
public class CorpusVerdictTests
{
    public static TheoryData<string, string> CasesAndForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in CorpusCatalog.All)
        {
            data.Add(c.Name, "template");
            data.Add(c.Name, "export");
            data.Add(c.Name, "preview");
        }

        return data;
    }

    public static TheoryData<string> Cases() => new(CorpusCatalog.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CasesAndForms))]
    public void VerdictIsExact(string name, string form)
    {
        var c = CorpusCatalog.Get(name);
        CorpusVerdict.AssertExpected(c, c.Form(form), form);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TemplateExportAndPreviewGiveTheSameVerdict(string name)
    {
        var c = CorpusCatalog.Get(name);
        var template = CorpusVerdict.Of(c, c.Template());
        foreach (var form in new[] { "export", "preview" })
        {
            var other = CorpusVerdict.Of(c, c.Form(form));
            Assert.True(template.SetEquals(other), $"{name}: template [{string.Join(", ", template.Order())}]\n{form} [{string.Join(", ", other.Order())}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CommittedExportIsTheGeneratedOne(string name)
    {
        var c = CorpusCatalog.Get(name);
        var generated = c.GenerateExport();
        if (Environment.GetEnvironmentVariable("CORPUS_WRITE_EXPORTS") == "1")
        {
            File.WriteAllText(c.ExportPath, generated);
        }

        Assert.True(File.Exists(c.ExportPath), $"{c.ExportPath} missing: run the tests with CORPUS_WRITE_EXPORTS=1");
        Assert.True(generated == File.ReadAllText(c.ExportPath), $"{c.ExportPath} is stale: run the tests with CORPUS_WRITE_EXPORTS=1");
    }
}
