/** The street's communities (社区): the nine that staff and residents belong to. */
package hongniang.communities;
