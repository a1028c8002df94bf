package org.gridcc.cases;

import java.time.Instant;

/** A demo case as it comes in: when, what, through which channel, where (a household) and from whom. */
record DemoArrival(Instant at, Category category, Channel channel, double[] point, String reporter, String phone) {}
