package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.wushe.fund.application.FundQueries;
import org.wushe.fund.application.ProjectQueries;
import org.wushe.fund.domain.FundFile;
import org.wushe.shared.WusheException;

/**
 * Serves a progress photo ({@code /fund/file?photo=ID}) or a receipt ({@code /fund/file?receipt=ID})
 * to a signed-in caller whose scope covers the file's community; the services check it. The type
 * sent is the sniffed one, and the browser is told not to guess another.
 */
@WebServlet("/fund/file")
public class FundFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    ProjectQueries projectQueries;

    @EJB
    FundQueries fundQueries;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String photo = req.getParameter("photo");
            String receipt = req.getParameter("receipt");
            FundFile f = photo != null ? projectQueries.photo(Long.valueOf(photo))
                    : fundQueries.receipt(receipt == null ? null : Long.valueOf(receipt));
            resp.setContentType(f.getContentType());
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Cache-Control", "private, max-age=3600");
            resp.setContentLength(f.getSizeBytes());
            resp.getOutputStream().write(f.getContent());
        } catch (NumberFormatException e) {
            resp.sendError(400);
        } catch (WusheException e) {
            resp.sendError(e.httpStatus());
        } catch (jakarta.ejb.EJBException e) {
            resp.sendError(e.getCause() instanceof WusheException w ? w.httpStatus() : 500);
        }
    }
}
