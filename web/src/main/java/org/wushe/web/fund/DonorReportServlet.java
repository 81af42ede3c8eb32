package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.wushe.fund.application.DonorReport;
import org.wushe.shared.WusheException;

/**
 * The donations page's donor report ({@code /fund/donor-report?donation=ID&from=&to=}): the PDF of
 * the donor of that donation for the period, for a signed-in caller with MANAGE_FUND in scope (the
 * service checks and audits). Bad dates answer 400, a donor without gifts in the period 404.
 */
@WebServlet("/fund/donor-report")
public class DonorReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    DonorReport reports;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            byte[] pdf = reports.pdfOfDonation(Long.valueOf(req.getParameter("donation")), date(req.getParameter("from")),
                    date(req.getParameter("to")));
            resp.setContentType("application/pdf");
            resp.setHeader("Content-Disposition", "attachment; filename=\"donor-report.pdf\"");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Cache-Control", "private, no-store");
            resp.setContentLength(pdf.length);
            resp.getOutputStream().write(pdf);
        } catch (NumberFormatException | DateTimeParseException e) {
            resp.sendError(400, "donation must be a number, from and to dates as yyyy-MM-dd");
        } catch (WusheException e) {
            resp.sendError(e.httpStatus(), e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            if (e.getCause() instanceof WusheException w) {
                resp.sendError(w.httpStatus(), w.getMessage());
            } else {
                throw e;
            }
        }
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    }
}
