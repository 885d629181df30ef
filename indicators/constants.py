"""Every statistical constant of the engine, named once with its published source.

docs/methods.md explains each in context; code, docs and messages use these names.
"""

# Shewhart (1931): control limits at three standard deviations from the centre line.
SIGMA_LIMIT = 3.0
# Two-sigma warning limits, qicharts2's lcl.95/ucl.95 (Western Electric 1956, zone A).
SIGMA_WARNING = 2.0

# d2 for moving ranges of two observations: sigma = mean moving range / d2
# (Montgomery 2009, Introduction to Statistical Quality Control, Appendix VI).
D2_MOVING_RANGE = 1.128
# D4 for moving ranges of two observations. Nelson (1982, J Qual Technol 14:172) drops
# moving ranges above D4 × mean moving range before estimating sigma; it is also the
# upper limit of the MR chart.
D4_MOVING_RANGE = 3.267
# qicharts2 0.8.1 screens the I' chart's standardised ranges with D4 to one more digit.
D4_MOVING_RANGE_IP = 3.2665

# Nelson (1994, J Qual Technol 26:239): y^(1/3.6) makes exponential waiting times
# nearly normal, so a T chart is an I chart on the transformed times.
T_CHART_EXPONENT = 3.6
# Provost & Murray (2011, The Health Care Data Guide, p. 228): the median of a
# geometric distribution is about ln 2 = 0.693 times its mean. qicharts2 uses it for a
# G chart whose mean is given as `cl`.
G_CHART_MEDIAN_FACTOR = 0.693

# Anhøj rules. Schilling (2012, Mathematics Magazine 85:141-149): the longest run of a random
# sequence of n useful points rarely exceeds round(log2(n)) + 3.
LONGEST_RUN_OFFSET = 3
# Chen (2010, Model Assisted Statistics and Applications 5:73-77): fewer crossings than the
# 5 % quantile of Binomial(n - 1, 0.5) signal non-random variation (Anhøj & Olesen 2014,
# PLoS ONE 9:e113825).
CROSSINGS_QUANTILE = 0.05
CROSSING_PROBABILITY = 0.5

# IHI run-chart rules (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46-51).
IHI_SHIFT_LENGTH = 6  # six or more points on one side of the median
IHI_TREND_LENGTH = 5  # five or more points all going up or all going down
# Swed & Eisenhart (1943, Ann Math Stat 14:66) critical numbers of runs, 5 % in each tail;
# Perla et al.'s Table 1 lists them for 10 or more useful points.
IHI_RUNS_TAIL_PROBABILITY = 0.05
IHI_RUNS_MIN_USEFUL = 10

# NHS England "Making Data Count", as coded in NHSRplotthedots 0.2.2 (ptd_spc_standard.R):
# process limits at mean ± 2.66 × mean moving range (2.66 = 3 / 1.128, rounded by Wheeler
# 1993, Understanding Variation), near-limits at two thirds of that distance.
NHS_LIMIT_FACTOR = 2.66
NHS_RUN_LENGTH = 7  # seven points on one side of the mean
NHS_TREND_LENGTH = 7  # seven points all increasing or all decreasing
NHS_TWO_OF_THREE = 2  # two of three points beyond the near-limits on the same side

# Judging with care: Anhøj (2015, Qual Manag Health Care) advises against judging a run
# chart on fewer than about a dozen useful points; Tavle's verdict says so below this.
MIN_USEFUL_POINTS = 12
# Provost & Murray (2011, p. 131): 20 or more subgroups before trusting control limits;
# below that Tavle recommends a run chart.
CONTROL_CHART_MIN_POINTS = 20
