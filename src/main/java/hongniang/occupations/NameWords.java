package hongniang.occupations;

import java.util.List;

/**
 * The analysed words of a name, as search segments Chinese (smartcn, lower-cased, without stop
 * words): 快递分拣打包员 gives [快递, 分拣, 打包, 员]. A port: the vocabulary knows no analyzer; search provides
 * one.
 */
public interface NameWords {

  /** The words of a text, in order. */
  List<String> words(String text);
}
