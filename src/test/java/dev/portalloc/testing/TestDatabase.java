package dev.portalloc.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Direct SQL access for tests: wiping the tables and reading what the service stored. */
@ApplicationScoped
public class TestDatabase {

    private final AgroalDataSource dataSource;

    TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Removes every allocation and every pool's bookkeeping. */
    public void clear() {
        execute("TRUNCATE allocation, held_port, free_slot, port_pool");
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql) {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    /** Every row of a query, each as its columns' text. */
    public List<List<String>> rows(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A snapshot of all allocations, to show that a rejected request changed nothing. */
    public List<List<String>> allocations() {
        return rows("SELECT pool, model, app_number, backend_port, frontend_port FROM allocation ORDER BY id");
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
