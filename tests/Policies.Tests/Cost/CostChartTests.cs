using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using FargateNetwork.Policies.Cost;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary>The comparison's SVG chart: well-formed, one curve per design through the model's bills, and it renders.</summary>
public class CostChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<string> DefaultChart = new(() =>
    {
        var model = new DesignComparison(DesignScenario.Default);
        return CostChart.Svg(model, model.Compare());
    });

    /// <summary>The polylines drawn in a design's colour with more than two points: its curve (the legend's sample has two).</summary>
    private static List<XElement> Curves(XDocument svg, NetworkDesign design)
    {
        var colour = CostChart.Colour(design);
        var rgb = string.Create(CultureInfo.InvariantCulture, $"stroke:rgb({Convert.ToInt32(colour[1..3], 16)},{Convert.ToInt32(colour[3..5], 16)},{Convert.ToInt32(colour[5..7], 16)})");
        return [.. svg.Descendants(Svg + "polyline").Where(p => ((string?)p.Attribute("style") ?? string.Empty).Contains(rgb, StringComparison.Ordinal) && ((string)p.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 2)];
    }

    [Fact]
    public void TheSvgParsesWithAnSvgRootAndOneCurvePerDesign()
    {
        var svg = XDocument.Parse(DefaultChart.Value, LoadOptions.None);
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal(CostChart.Width.ToString(CultureInfo.InvariantCulture), (string?)svg.Root.Attribute("width"));
        foreach (var design in NetworkDesigns.All)
        {
            var curve = Assert.Single(Curves(svg, design));
            Assert.Equal(CostChart.Samples, ((string)curve.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        }

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("(c) cheaper than (a) from 76 pulls/day", texts);
        Assert.All(NetworkDesigns.All, d => Assert.Contains($"({NetworkDesigns.Letter(d)}) {NetworkDesigns.Title(d)}", texts));
    }

    [Fact]
    public void TheXAxisReachesPastTwiceTheCrossoverAndThePullsAsked()
    {
        var comparison = DesignComparison.Compare(DesignScenario.Default);
        Assert.Equal(200, CostChart.AxisMaximum(comparison)); // crossovers at 31.7 and 75.1, 100 pulls/day asked
        var busy = DesignComparison.Compare(DesignScenario.Default.WithPullsPerDay(3000));
        Assert.Equal(10000, CostChart.AxisMaximum(busy));
    }

    [Fact]
    public void TheChartIsTheSameEveryTime() => Assert.Equal(DefaultChart.Value, CostChart.Svg(new DesignComparison(DesignScenario.Default), DesignComparison.Compare(DesignScenario.Default)));

    [Fact]
    public async Task TheSvgRendersInHeadlessChromium()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("headless Chromium is not installed: apt-get install chromium (.ci/run does)");
        var dir = Directory.CreateTempSubdirectory("fargate-network-chart-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "chart.svg"), DefaultChart.Value);
            File.WriteAllText(Path.Combine(dir.FullName, "page.html"), """
                <!doctype html><html><body><div id="out">pending</div><img id="chart" src="chart.svg">
                <script>
                  const img = document.getElementById('chart');
                  const done = (text) => { document.getElementById('out').textContent = text; };
                  img.onload = () => done('loaded ' + img.naturalWidth + 'x' + img.naturalHeight);
                  img.onerror = () => done('failed');
                  if (img.complete && img.naturalWidth > 0) { done('loaded ' + img.naturalWidth + 'x' + img.naturalHeight); }
                </script></body></html>
                """);
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", "--virtual-time-budget=10000", "--dump-dom", new Uri(Path.Combine(dir.FullName, "page.html")).AbsoluteUri })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var dom = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<div id=\"out\">loaded {CostChart.Width}x{CostChart.Height}</div>"), await dom, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
