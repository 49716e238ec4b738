package hongniang.matching;

/**
 * An occupation as the occupation list knows it: the name a person used, its code and its group.
 * Two names with the same code are the same work (保姆 and 家政服务员).
 */
public record Work(String name, String code, String group) {}
