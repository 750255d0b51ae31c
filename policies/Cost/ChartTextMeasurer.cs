using OxyPlot;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// Measures chart text for OxyPlot's SVG exporter in pixels: its default measurer (the PDF context, with the
/// standard Helvetica metrics built into OxyPlot.Core) answers in points, ¾ of a pixel, so legends and titles were
/// laid out too small for the text the SVG then draws at the same size in pixels.
/// </summary>
internal sealed class ChartTextMeasurer : RenderContextBase
{
    private const double PixelsPerPoint = 96.0 / 72.0;

    private readonly PdfRenderContext points = new(CostChart.Width, CostChart.Height, OxyColors.White);

    /// <summary>Never drawn on: the exporter's own SVG context draws; this one only measures.</summary>
    public override int ClipCount => 0;

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        var size = points.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(size.Width * PixelsPerPoint, size.Height * PixelsPerPoint);
    }

    public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin) =>
        throw new NotSupportedException("a text measurer does not draw");

    public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin) =>
        throw new NotSupportedException("a text measurer does not draw");

    public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotation, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize) =>
        throw new NotSupportedException("a text measurer does not draw");

    public override void PushClip(OxyRect clippingRectangle) => throw new NotSupportedException("a text measurer does not draw");

    public override void PopClip() => throw new NotSupportedException("a text measurer does not draw");
}
