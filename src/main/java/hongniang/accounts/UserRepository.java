package hongniang.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends PageableRepository<User, Long> {

  Optional<User> findByUsername(String username);

  java.util.List<User> findByUsernameIn(java.util.Collection<String> usernames);

  boolean existsByUsername(String username);

  long countByRole(hongniang.security.Role role);

  Page<User> findAll(Pageable pageable);

  Page<User> findByRole(hongniang.security.Role role, Pageable pageable);

  @Query("SELECT EXISTS (SELECT 1 FROM community WHERE id = :id)")
  boolean communityExists(long id);

  @Query("SELECT EXISTS (SELECT 1 FROM partner_unit WHERE id = :id)")
  boolean partnerUnitExists(long id);

  @Query("SELECT EXISTS (SELECT 1 FROM jobseeker WHERE id = :id)")
  boolean jobseekerExists(long id);
}
