package org.wushe.reports.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wushe.assessment.domain.Figures;
import org.wushe.assessment.domain.Metric;

/**
 * The rows of the monthly CSV files, and how they are written: UTF-8 with a byte order mark (so a
 * spreadsheet opens the Chinese text right), CRLF line ends, quoted where needed (Commons CSV).
 */
public final class CsvRows {

    public static final List<String> COMMUNITY_HEADER = List.of("code", "name_zh", "value", "unit");

    private CsvRows() {
    }

    /** A community's month: one row per figure (code, Chinese name, value in its unit, unit). */
    public static List<List<String>> community(Figures f) {
        List<List<String>> rows = new ArrayList<>();
        for (Metric m : FigureText.ORDER) {
            rows.add(List.of(m.name(), FigureText.name(m), FigureText.csv(m, f.get(m)), FigureText.unit(m)));
        }
        return rows;
    }

    /** The city file's header: the community, its sub-district, then every figure by code. */
    public static List<String> cityHeader() {
        List<String> h = new ArrayList<>(List.of("community_code", "community_name", "sub_district_code", "sub_district_name"));
        for (Metric m : FigureText.ORDER) {
            h.add(m.name());
        }
        return h;
    }

    /** One community of the city file. */
    public static List<String> cityRow(String code, String name, String subDistrictCode, String subDistrictName, Figures f) {
        List<String> row = new ArrayList<>(List.of(code, name, subDistrictCode, subDistrictName));
        for (Metric m : FigureText.ORDER) {
            row.add(FigureText.csv(m, f.get(m)));
        }
        return row;
    }

    public static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();
    }

    /** A printer on {@code out} that has written the byte order mark and the header. Close it to flush. */
    public static CSVPrinter open(OutputStream out, List<String> header) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, format());
        p.printRecord(header);
        return p;
    }
}
