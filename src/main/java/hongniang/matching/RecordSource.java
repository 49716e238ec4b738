package hongniang.matching;

import java.util.Collection;
import java.util.List;

/** Where matching reads its records fresh: PostgreSQL, the truth the index may lag behind. */
public interface RecordSource {

  /** The postings with these ids that exist, in the order given. */
  List<Posting> postings(Collection<Long> ids);

  /** The jobseekers with these ids that exist, in the order given. */
  List<Jobseeker> jobseekers(Collection<Long> ids);
}
