/**
 * Placements (就业安置) and follow-ups (回访): a resident starting work, through a posting whose place it
 * takes, with a partner unit or an employer named in words; the follow-ups 1, 3 and 6 months on
 * that find them still there or gone back to seeking; counts by type for the street's reports.
 */
package hongniang.placements;
