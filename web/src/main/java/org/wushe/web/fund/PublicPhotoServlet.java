package org.wushe.web.fund;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.wushe.fund.application.FundReporting;
import org.wushe.fund.domain.FundFile;
import org.wushe.shared.WusheException;

/**
 * Serves, without sign-in, a progress photo of the public fund page
 * ({@code /public/fund/photo?community=C001&id=N}): only photos of progress updates of that
 * community's projects in a public stage ({@link FundReporting#publicPhoto}); a receipt, an invoice
 * or another community's photo answers 404 whatever its id.
 */
@WebServlet("/public/fund/photo")
public class PublicPhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    FundReporting reporting;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String id = req.getParameter("id");
            FundFile f = reporting.publicPhoto(req.getParameter("community"), id == null ? null : Long.valueOf(id));
            resp.setContentType(f.getContentType());
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Cache-Control", "public, max-age=3600");
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
