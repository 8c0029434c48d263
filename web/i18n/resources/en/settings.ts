/** The settings namespace (issue 11): filled as its screens are translated. */
export default {};
