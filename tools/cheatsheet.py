# ruff: noqa: E501  (one result per line)
"""The cheat sheet's results, each with its condition and the lesson cell that checks it.

``tools/make_handouts.py`` writes ``notebooks/cheatsheet.ipynb`` (one printed page) from ``SHEET``;
``tests/test_handouts.py`` checks that every row's ``checks`` strings occur in an asserting code
cell of the named lesson (so every formula on the sheet is one a lesson computes and asserts, and
strict nbval re-runs that cell), and that every topic in ``REQUIRED_TOPICS`` has a row.
Letters follow the notation card: p the data, q_θ the model, r an approximation (or, in the
estimators, the ratio q/p), σ a standard deviation.
"""

from __future__ import annotations

#: (topic, result, condition, lesson stem, strings of the asserting cell(s) that check it)
SHEET: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("definition", r"$D_{KL}(p\Vert q) = \sum_x p(x)\ln\frac{p(x)}{q(x)}$; for densities $\int p\ln\frac pq\,dx$", r"$\ln$: nats; $\log_2$: bits $=$ nats$/\ln 2$. Expectation under the **first** argument", "01_definition",
     ("assert round(with_helper, 4) == 0.0305", "assert math.isclose(numerical, closed_form, rel_tol=1e-7)", "assert math.isclose(bits, nats / math.log(2), rel_tol=1e-12)")),
    ("conventions", r"$0\ln\frac0{q} = 0$: outcomes with $p(x) = 0$ add nothing", r"in floating point $0\cdot\ln 0$ is `nan`: drop those terms", "01_definition",
     ("assert math.isnan(naive) and math.isclose(fixed, math.log(2))",)),
    ("infinite", r"$D_{KL}(p\Vert q) = +\infty$ if $q(x) = 0 < p(x)$ somewhere", r"densities: $q = 0$ on a set of positive $p$-probability", "01_definition",
     ("assert math.isinf(kh.kl_divergence(p_support, q_support))",)),
    ("gibbs", r"$D_{KL}(p\Vert q) \ge 0$, $= 0$ iff $p = q$", r"densities: $p = q$ almost everywhere; not symmetric: $D_{KL}(p\Vert q) \ne D_{KL}(q\Vert p)$ in general", "01_definition",
     ("assert kl_pairs.min() > 0 and at_equal == 0.0", "assert not math.isclose(forward, reverse, rel_tol=1e-3)")),
    ("decomposition", r"$D_{KL}(p\Vert q) = H(p, q) - H(p)$, $H(p, q) = -\mathbb E_p[\ln q(X)]$", r"$H(p)$ finite; $q > 0$ wherever $p > 0$", "02_decomposition",
     ("assert math.isclose(split, kh.kl_divergence(p, q), rel_tol=1e-9)",)),
    ("negative entropy", r"$\int p\ln p\,dx = -H(p)$: constant in $\theta$, so $\arg\min_\theta H(p, q_\theta) = \arg\min_\theta D_{KL}(p\Vert q_\theta)$", r"$p$ does not depend on $\theta$; $H$ of a density can be $< 0$: $H(\mathcal N(\mu,\sigma^2)) = \frac12\ln(2\pi e\sigma^2)$", "02_decomposition",
     ('assert np.ptp(objectives["H(p, q_θ)"] - objectives["D_KL(p‖q_θ)"]) < 1e-12', "assert kh.normal_entropy(narrow) < 0 < kh.normal_entropy(0.25)")),
    ("sample mean", r"$\hat D_N = \frac1N\sum_i \ln\frac{p(x_i)}{q(x_i)}$, $x_i \sim p$; error $\approx s/\sqrt N$", r"independent draws **from $p$**; finite variance $s^2$; a single estimate can be $< 0$", "03_sample_approximation",
     ("assert abs(slope + 0.5) < 0.05",)),
    ("k1", r"$k_1 = -\ln r$, $r = q(x)/p(x)$, $x \sim p$: unbiased, can be negative", r"$D_{KL}$ finite", "03_sample_approximation",
     ('assert abs(reps["k1"].mean() - truth) < 4 * se["k1"], label  # unbiased',)),
    ("k2", r"$k_2 = \frac12(\ln r)^2 \ge 0$: biased", r"close to $D_{KL}$ only when $q \approx p$", "03_sample_approximation",
     ('assert reps["k2"].mean() - truth > 4 * se["k2"], label  # biased (upwards, here)',)),
    ("k3", r"$k_3 = (r - 1) - \ln r \ge 0$: unbiased", r"only if $q = 0$ wherever $p = 0$; otherwise biased low by $1 - Q(p > 0)$", "03_sample_approximation",
     ('assert abs(reps["k3"].mean() - truth) < 4 * se["k3"], label  # unbiased (q > 0 everywhere)', "assert math.isclose(mean_k3, d3 - (1 - q_on), abs_tol=1e-12) and mean_k3 < d3 - 0.1")),
    ("MLE exact", r"$\mathrm{NLL}(\theta) = H(\hat p_N, q_\theta) = H(\hat p_N) + D_{KL}(\hat p_N\Vert q_\theta)$: same minimiser", r"**exact** for the empirical distribution, $q_\theta$ a mass function on the data's values", "04_mle_equivalence",
     ("assert np.allclose(nlls - kls, kh.entropy(p_hat), atol=1e-12)",)),
    ("MLE limit", r"$\mathrm{NLL}(\theta) \to H(p) + D_{KL}(p\Vert q_\theta)$ as $N \to \infty$", r"i.i.d. data from the **true** $p$: in the limit only (for densities $D_{KL}(\hat p_N\Vert q_\theta) = \infty$)", "04_mle_equivalence",
     ("assert np.abs(gap - h_p).max() < 0.05",)),
    ("forward", r"forward $\min_q D_{KL}(p\Vert q)$: **mass-covering**; normal $q$: match mean and variance of $p$", r"$q$ in the normal family; wrong model: MLE $\to q^*$, not $p$", "05_forward_vs_reverse",
     ("assert math.isclose(mu_f, 0.4 * -3 + 0.6 * 3) and math.isclose(sigma_f**2, 1 + 0.4 * 0.6 * 6**2)",
      "assert abs(m_big - mu_star) < 0.01 and abs(s_big - sigma_star) < 0.01  # the MLE → q*")),
    ("reverse", r"reverse $\min_q D_{KL}(q\Vert p)$: **mode-seeking**, local optima; narrow on separated modes", r"not by construction: for a normal $p$ the fit is $p$ itself", "05_forward_vs_reverse",
     ("assert p_left > 0.39 and q_best_left < 0.01  # reverse: ignores the left mode", "assert len({round(f.mu, 3) for f in fits}) == 3  # three different answers")),
    ("gaussian", r"$D_{KL}(\mathcal N(\mu_p,\sigma_p^2)\Vert\mathcal N(\mu_q,\sigma_q^2)) = \ln\frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2} - \frac12$", r"$\sigma$ is the **standard deviation** (`kh.kl_normal_normal(mu_p, sigma_p, mu_q, sigma_q)`)", "02_decomposition",
     ("assert math.isclose(int_p_ln_p - int_p_ln_q, kh.kl_normal_normal(0.0, 1.0, 1.0, 1.5), abs_tol=1e-9)",)),
    ("VAE term", r"$D_{KL}(\mathcal N(\mu, \operatorname{diag}\sigma^2)\Vert\mathcal N(0, I)) = \frac12\sum_j(\sigma_j^2 + \mu_j^2 - 1 - \ln\sigma_j^2)$", r"a **sum** over latent dimensions, not a mean; $\ln\sigma_j^2$ is a log-variance", "06_kl_in_practice",
     ("assert math.isclose(closed, general, rel_tol=1e-12) and abs(mc - closed) < 5 * se",)),
    ("ELBO", r"$\ln q_\theta(x) = \mathrm{ELBO}(r) + D_{KL}(r(z)\Vert q_\theta(z\mid x)) \ge \mathrm{ELBO}(r)$", r"any $r$ with $r > 0$ only where the posterior is $> 0$", "06_kl_in_practice",
     ("assert math.isclose(elbo + gap, log_evidence, abs_tol=1e-12)",)),
    ("cross-entropy loss", r"$-\ln\mathrm{softmax}(z)_y = H(e_y, \mathrm{softmax}(z)) = D_{KL}(e_y\Vert\mathrm{softmax}(z))$", r"one-hot label $e_y$ ($H(e_y) = 0$); compute with a log-softmax", "06_kl_in_practice",
     ("assert math.isclose(loss, mean_kl, rel_tol=1e-12) and math.isclose(loss, mean_ce, rel_tol=1e-12)",)),
    ("JS", r"$\mathrm{JS}(p,q) = \frac12 D_{KL}(p\Vert m) + \frac12 D_{KL}(q\Vert m) \le \ln 2$, $m = \frac12(p+q)$", r"any $p, q$: symmetric, finite; $= \ln 2$ iff the supports are disjoint", "06_kl_in_practice",
     ("assert kh.kl_divergence(p_d, q_d) == math.inf and math.isclose(kh.js_divergence(p_d, q_d), math.log(2))", "assert js.max() < math.log(2) and asym == 0.0 and halves <= math.log(2)")),
]

#: Topics the sheet must cover (issue 17).
REQUIRED_TOPICS = ("definition", "conventions", "infinite", "gibbs", "decomposition", "negative entropy",
                   "sample mean", "k1", "k2", "k3", "MLE exact", "MLE limit", "forward", "reverse",
                   "gaussian", "JS")

HEAD = r"""# Cheat sheet: the KL divergence in one page

Every result of the course with the condition it needs, in the letters of the [notation card](notation.ipynb):
$p$ the data, $q_\theta$ the model, $\hat p_N$ the empirical distribution, $\sigma$ a standard deviation,
$\ln$ in nats. Each row links the lesson whose cell computes and asserts it.
"""

def markdown() -> str:
    """The sheet as one Markdown cell."""
    rows = ["| result | condition | lesson |", "|---|---|---|"]
    for _topic, result, condition, lesson, _checks in SHEET:
        rows.append(f"| {result} | {condition} | [{lesson[:2]}]({lesson}.ipynb) |")
    return HEAD + "\n" + "\n".join(rows)
