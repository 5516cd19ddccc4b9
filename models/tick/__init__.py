"""One evaluation of one campaign at one instant: stage transitions and the messages they decide."""
