using System.Text;

namespace StackRules.Inputs;

/// <summary>
/// Reads the text of an input with a size limit: a regular file larger than the limit is refused from its length
/// without being read; a device, pipe or standard input is read until the limit and then refused, so
/// <c>/dev/zero</c> ends in an error at once instead of exhausting memory.
/// </summary>
internal static class InputText
{
    private const int Chunk = 64 * 1024;

    /// <summary>
    /// The text of <paramref name="path"/> as UTF-8; throws <see cref="InputException"/> naming
    /// <paramref name="display"/> when it cannot be read or is over <paramref name="limit"/> bytes.
    /// </summary>
    public static string ReadFile(string path, string display, long limit, string what = "input")
    {
        if (Directory.Exists(path))
        {
            throw new InputException(what == "input"
                ? $"{display}: is a directory: give a template, stack export or preview JSON file"
                : $"{display}: is a directory: give a {what} file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > limit)
            {
                throw TooLarge(display, limit, what);
            }

            // A device or pipe has no length (or reports 0): read it in chunks and stop at the limit.
            using var buffer = new MemoryStream();
            var chunk = new byte[Chunk];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(display, limit, what);
                }

                // YAML and JSON text never holds a NUL byte: a binary file or a device such as /dev/zero is refused at once.
                if (chunk.AsSpan(0, read).IndexOf((byte)0) is >= 0 and var at)
                {
                    throw NotText(display, buffer.Length + at);
                }

                buffer.Write(chunk, 0, read);
            }

            return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message.Split('\n')[0].Trim(),
            };
            throw new InputException($"{display}: cannot read{(what == "input" ? string.Empty : " the " + what)}: {reason}");
        }
    }

    /// <summary>The text of <paramref name="reader"/> (standard input), refused past <paramref name="limit"/> characters.</summary>
    public static string ReadAll(TextReader reader, string display, long limit)
    {
        var text = new StringBuilder();
        var chunk = new char[Chunk];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + (long)read > limit)
            {
                throw TooLarge(display, limit, "input");
            }

            text.Append(chunk, 0, read);
        }

        return text.ToString();
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        // File.ReadAllText's behaviour: a UTF-8 byte order mark is dropped.
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        return Encoding.UTF8.GetString(bytes.StartsWith(bom) ? bytes[3..] : bytes);
    }

    private static InputException NotText(string display, long offset) =>
        new($"{display}: a NUL byte at offset {offset}: not a YAML or JSON text file");

    private static InputException TooLarge(string display, long limit, string what) =>
        new($"{display}: larger than {InputLimits.Describe(limit)}, the most the check reads from one {what}; check a smaller stack or split the file");
}
