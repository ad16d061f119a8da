"""Review: the rules every front end asks before an action, the day's audit and its figures."""
