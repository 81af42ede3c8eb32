package org.wushe.audit.chain;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a transaction's audit entries into the chain as that transaction commits
 * ({@link AuditChainWriter}), inside it: a bean call of its own, so the connection it takes is the
 * server's connection of that transaction (enlisted, as any bean's), and its handle is given back
 * within the call. A connection handle kept by the writer from the first entry until after the
 * commit was seen to leave the server's pool with a connection marked enlisted in no transaction,
 * on which a later transaction's statements committed one by one, the chain's head lock included.
 */
@Stateless
public class ChainCommit {

    @Resource(lookup = "jdbc/wushe")
    DataSource dataSource;

    /** Locks the chain's head, appends the entries and moves the head, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void write(List<ChainRow> entries) {
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                // Not the transaction's connection: the head lock would not hold. Refuse, so the
                // transaction rolls back, rather than write a chain that may fork.
                throw new SQLException("the audit connection is not part of the transaction");
            }
            AuditChainWriter.write(c, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit entries could not be written: " + e.getMessage(), e);
        }
    }
}
