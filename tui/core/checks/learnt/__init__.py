"""A second opinion learnt from the evaluation sets: a logistic model over the structure around a
reading (its kind, range, slash pair, column, line role, section and neighbouring tokens) that
can leave a reading the rules made unclassified when it is very likely false."""
