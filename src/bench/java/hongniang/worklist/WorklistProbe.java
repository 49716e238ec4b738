package hongniang.worklist;

import hongniang.communities.CommunityService;
import hongniang.jobseekers.RegisterWorklist;
import hongniang.referrals.ReferralSettings;
import hongniang.security.Caller;
import hongniang.web.Messages;
import io.micronaut.context.BeanLocator;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.ConnectionCallback;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.jdbc.runtime.PreparedStatementCallback;
import io.micronaut.transaction.TransactionOperations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Benchmark-only access to what the worklist keeps to itself: one worklist call as the service
 * makes it (the same queries, in one read-only transaction), with each SQL statement it ran, its
 * parameters as bound and its time, so that a benchmark can say which section the time goes to and
 * run {@code EXPLAIN} on exactly that statement.
 */
public final class WorklistProbe {

  /** A parameter as the query bound it: the setter and its arguments, to bind again. */
  public record Binding(Method setter, Object[] args) {}

  /**
   * One statement of a call: the section it answers ({@code residents}, …; an admin's counts per
   * community are {@code residents counts}, …), its SQL and parameters, and its time.
   */
  public record Statement(String section, String sql, List<Binding> bindings, long nanos) {

    /** The statement with {@code prefix} before it (e.g. {@code EXPLAIN ...}), bound as it was. */
    public PreparedStatement prepare(Connection c, String prefix) throws SQLException {
      PreparedStatement ps = c.prepareStatement(prefix + sql);
      for (Binding b : bindings) {
        try {
          b.setter().invoke(ps, b.args());
        } catch (IllegalAccessException | InvocationTargetException e) {
          ps.close();
          throw new SQLException("binding " + b.setter().getName(), e);
        }
      }
      return ps;
    }
  }

  private WorklistProbe() {}

  /** A worklist call for the caller (its community's, or an admin's across communities). */
  public static List<Statement> statements(BeanLocator beans, Caller caller, Messages language) {
    JdbcOperations jdbc = beans.getBean(JdbcOperations.class);
    List<Recorded> recorded = new ArrayList<>();
    WorklistService service =
        new WorklistService(
            new WorklistQueries(new Recording(jdbc, recorded)),
            beans.getBean(CommunityService.class),
            beans.getBean(ReferralSettings.class),
            beans.getBean(RegisterWorklist.class),
            beans.getBean(Clock.class));
    @SuppressWarnings("unchecked")
    TransactionOperations<Connection> tx =
        beans.getBean(Argument.of(TransactionOperations.class, Connection.class));
    WorklistView view = tx.executeRead(status -> service.worklist(caller, null, null, language));
    boolean admin = view.communityId() == null;
    List<String> labels =
        view.sections().stream()
            // the register's lines are read by jobseekers.RegisterWorklist, not recorded here
            .filter(s -> !s.key().equals("stillLooking"))
            .flatMap(s -> admin ? Stream.of(s.key(), s.key() + " counts") : Stream.of(s.key()))
            .toList();
    if (labels.size() != recorded.size()) {
      throw new IllegalStateException(
          recorded.size() + " statements for " + labels.size() + " sections and counts");
    }
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Recorded r = recorded.get(i);
      out.add(new Statement(labels.get(i), r.sql, r.bindings, r.nanos));
    }
    return out;
  }

  private record Recorded(String sql, List<Binding> bindings, long nanos) {}

  /** The service's JdbcOperations, recording each prepared statement, its bindings, its time. */
  private static final class Recording implements JdbcOperations {

    private final JdbcOperations real;
    private final List<Recorded> recorded;

    Recording(JdbcOperations real, List<Recorded> recorded) {
      this.real = real;
      this.recorded = recorded;
    }

    @Override
    public <R> R prepareStatement(String sql, PreparedStatementCallback<R> callback) {
      List<Binding> bindings = new ArrayList<>();
      long start = System.nanoTime();
      R result = real.prepareStatement(sql, ps -> callback.call(recording(ps, bindings)));
      recorded.add(new Recorded(sql, List.copyOf(bindings), System.nanoTime() - start));
      return result;
    }

    private static PreparedStatement recording(PreparedStatement ps, List<Binding> bindings) {
      return (PreparedStatement)
          Proxy.newProxyInstance(
              WorklistProbe.class.getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, method, args) -> {
                if (method.getName().startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer) {
                  bindings.add(new Binding(method, args.clone()));
                }
                try {
                  return method.invoke(ps, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public DataSource getDataSource() {
      return real.getDataSource();
    }

    @Override
    public Connection getConnection() {
      return real.getConnection();
    }

    @Override
    public <R> R execute(ConnectionCallback<R> callback) {
      return real.execute(callback);
    }

    @Override
    public <T> Stream<T> entityStream(ResultSet rs, String prefix, Class<T> type) {
      return real.entityStream(rs, prefix, type);
    }

    @Override
    public <T> Stream<T> entityStream(ResultSet rs, Class<T> type) {
      return real.entityStream(rs, type);
    }

    @Override
    public <E> E readEntity(String prefix, ResultSet rs, Class<E> type) {
      return real.readEntity(prefix, rs, type);
    }

    @Override
    public <E, D> D readDTO(String prefix, ResultSet rs, Class<E> root, Class<D> dto) {
      return real.readDTO(prefix, rs, root, dto);
    }
  }
}
