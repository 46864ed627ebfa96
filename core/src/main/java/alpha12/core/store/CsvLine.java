package alpha12.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV line in RFC 4180 form, as the store writes it: comma-separated, a field quoted only when it
 * holds a comma or a quote, quotes doubled. Line breaks never occur inside a field ({@link Cells#text}
 * flattens them), so one row is always one line and a damaged line cannot swallow the lines after it.
 */
final class CsvLine {

    private CsvLine() {
    }

    static String format(List<String> cells) {
        StringBuilder out = new StringBuilder(cells.size() * 12);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        return out.toString();
    }

    /** The fields of a line without its line break; throws for a quote out of place. */
    static List<String> parse(String line, int expectedFields) throws MalformedRowException {
        List<String> fields = new ArrayList<>(expectedFields);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedRowException("a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                fields.add(field.toString());
                if (i == n) {
                    return fields;
                }
                if (line.charAt(i) != ',') {
                    throw new MalformedRowException("text after a closing quote in field " + fields.size());
                }
                i++;
            } else {
                int end = i;
                char c = 0;
                while (end < n && (c = line.charAt(end)) != ',') {
                    if (c == '"') {
                        throw new MalformedRowException("a quote inside unquoted field " + (fields.size() + 1));
                    }
                    end++;
                }
                fields.add(line.substring(i, end));
                if (end == n) {
                    return fields;
                }
                i = end + 1;
            }
        }
    }
}
