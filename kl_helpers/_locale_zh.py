# ruff: noqa: E501  (one translation per line)
"""Chinese (简体中文) translations of what a learner reads in outputs (``kh.set_language("zh")``).

A plain dict from the English template, exactly as written in the code, to its Chinese template
(same ``{placeholders}``, same format specs). A template missing here stays English. Terms follow
the notation card's English–Chinese list (``tools/make_pages.py``, ``GLOSSARY``).
``tests/test_translations.py`` checks that every key is still used in the package and that the
placeholders agree.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- exercises/_feedback.py: the toolkit every checker uses ----------------------------------
    "✏️ Your turn: ": "✏️ 轮到你了：",
    "replace None with your answer and run the cell again.": "把 None 换成你的答案，再运行这个单元格。",
    "{name} returns None; implement it and run the cell again.": "{name} 返回了 None；请实现它，再运行这个单元格。",
    "Not yet.": "还不对。",
    "{not_yet} Hint: {hint}": "{not_yet}提示：{hint}",
    "Your answer is {value}; this one is finite. Hint: {hint}": "你的答案是 {value}；而本题的答案是有限值。提示：{hint}",
    "Your answer should be": "你的答案应当是",
    "Your function should return": "你的函数应当返回",
    "{should} a number, not {kind}.": "{should}一个数，而不是 {kind}。",
    "{should} a single number, not an array of {size} values.": "{should}单个数，而不是含 {size} 个值的数组。",
    "Unknown {noun}(s) {unknown}; pick from {allowed}.": "未知的{noun} {unknown}；请从 {allowed} 中选择。",
    "Pass the function itself, e.g. {usage}.": "请传入函数本身，例如 {usage}。",
    "Your function raised {error}: {exc}": "你的函数抛出了 {error}：{exc}",
    # --- exercises/ex01.py ---------------------------------------------------------------------------
    "q is now the distribution the data come from, so it goes first; use log base 2.": "现在数据来自 q，所以 q 放在前面；对数以 2 为底。",
    "Correct: and it differs from D_KL(p‖q) in bits, because KL is not symmetric.": "正确：它与以比特计的 D_KL(p‖q) 不同，因为 KL 散度不对称。",
    "That is D_KL(p‖q). The exercise asks for the other direction.": "这是 D_KL(p‖q)。本题要的是另一个方向。",
    "Right direction, wrong unit: that is in nats; convert to bits.": "方向对了，单位错了：这是以奈特计的值；请换算成比特。",
    "average the code lengths under p for both codes (lengths are -log2 of the probabilities), then subtract.": "对两种编码分别在 p 下求平均码长（码长是概率的 -log2），再相减。",
    "Correct: the extra length is D_KL(p‖q) in bits.": "正确：多出的码长就是以比特计的 D_KL(p‖q)。",
    "That is the average length with q's code. Subtract what p's own code would need.": "这是用 q 的编码时的平均码长。再减去 p 自己的编码所需的码长。",
    "candidate": "候选项",
    'Answer with a set of letters picked from A, B, C, D, written like {"X", "Y"}.': '请用由 A、B、C、D 中的字母组成的集合作答，写成 {"X", "Y"} 这样。',
    "Correct: q must be positive wherever p is; elsewhere it is free.": "正确：凡是 p 为正的地方，q 都必须为正；其余地方 q 可以任意取值。",
    "Not yet. Hint: D_KL(p‖q) is infinite exactly when q is 0 on an outcome where p is positive. Outcomes where p is 0 contribute nothing, whatever q puts there.": "还不对。提示：当且仅当 q 在某个 p 为正的结果上为 0 时，D_KL(p‖q) 为无穷大。p 为 0 的结果不论 q 在那里取什么值，贡献都是 0。",
    "NaN for {case}. Hint: {hint}": "{case} 时得到 NaN。提示：{hint}",
    "Wrong value for {case}. Hint: {hint}": "{case} 时的值不对。提示：{hint}",
    "q is 0 where p > 0 here, so the divergence is +infinity (math.inf), not undefined.": "这里 q 在 p > 0 处为 0，所以散度是 +∞（math.inf），而不是无定义。",
    "0·log(0/q) must count as 0, so skip the outcomes where p is 0.": "0·log(0/q) 必须算作 0，所以跳过 p 为 0 的结果。",
    "look for 0/0, 0·inf or inf - inf in your formula.": "检查你的公式里是否出现了 0/0、0·inf 或 inf - inf。",
    "when q is 0 where p > 0 the divergence is +infinity (math.inf), not -infinity.": "q 在 p > 0 处为 0 时，散度是 +∞（math.inf），而不是 -∞。",
    "when q is 0 where p > 0 the divergence is infinite (math.inf).": "q 在 p > 0 处为 0 时，散度为无穷大（math.inf）。",
    "check the direction p·log(p/q) and use the natural log.": "检查方向是否为 p·log(p/q)，并使用自然对数。",
    "Correct on all four cases, including the zeros.": "四种情形全部正确，包括含 0 的情形。",
    # --- _validate.py: error messages a lesson shows ("Common mistakes") -----------------------------
    "{name}{where} sums to {total:.12g}, not 1; pass probabilities, or pass normalize=True to rescale counts or weights explicitly": "{name}{where} 的和为 {total:.12g}，而不是 1；请传入概率，或传入 normalize=True 来显式地把计数或权重重新缩放",
    # --- figures/definition.py and panels/definition.py (text alternatives and captions) -----------
    "Left: bars of p = {p} and q = {q} for each outcome. Right: each outcome's term p·ln(p/q), {terms} nats, negative where q exceeds p; the terms sum to D_KL(p‖q) = {total:.4f} nats.": "左图：每个结果上 p = {p} 与 q = {q} 的柱形。右图：每个结果的项 p·ln(p/q)，分别为 {terms} 奈特，在 q 大于 p 处为负；各项之和为 D_KL(p‖q) = {total:.4f} 奈特。",
    "The concave curve ln t and its tangent t − 1, with one dot per outcome at the ratio t = q/p (dot size proportional to p). The p-weighted mean of ln t, {mean:.4f}, lies below ln of the mean ratio, 0; the gap is D_KL(p‖q) = {gap:.4f} nats.": "凹曲线 ln t 及其切线 t − 1；每个结果对应一个点，位于比值 t = q/p 处（点的大小与 p 成正比）。ln t 的 p 加权平均 {mean:.4f} 位于平均比值的对数 0 之下；两者之差为 D_KL(p‖q) = {gap:.4f} 奈特。",
    "Both KL directions between p = [{p1:g}, {p2:g}] and q_t = [t, 1 − t] as t runs over (0, 1): two different U-shaped curves, both 0 at t = {p1:g}; D_KL(q_t‖p) stays finite at the ends, D_KL(p‖q_t) grows without bound.": "t 取遍 (0, 1) 时，p = [{p1:g}, {p2:g}] 与 q_t = [t, 1 − t] 之间两个方向的 KL 散度：两条不同的 U 形曲线，都在 t = {p1:g} 处为 0；D_KL(q_t‖p) 在两端保持有限，D_KL(p‖q_t) 则无限增大。",
    "Left: the density of p = N(0, 1) and of q = N({mu:.2f}, {sigma:.2f}²). Right: both KL directions against the mean of q; at this q, D_KL(p‖q) = {forward:.3f} nats and D_KL(q‖p) = {reverse:.3f} nats.": "左图：p = N(0, 1) 与 q = N({mu:.2f}, {sigma:.2f}²) 的概率密度。右图：两个方向的 KL 散度随 q 的均值的变化；在当前的 q 下，D_KL(p‖q) = {forward:.3f} 奈特，D_KL(q‖p) = {reverse:.3f} 奈特。",
    "mean μ_q": "均值 μ_q",
    "std σ_q": "标准差 σ_q",
    # --- panels/base.py -------------------------------------------------------------------------
    "{what} Slider values: {values}.": "{what} 滑块取值：{values}。",
    ", ": "，",  # between slider values
    # === lesson 00 (refresher) and the explorer: its checkers, figures, panels and the messages it shows ===
    # (end of 00)
    # === lesson 02 (decomposition): its checkers, figures, panels and the messages it shows ===
    # exercises/ex02.py
    "H(p) = -∫ p ln p dx, and a normal's entropy is ½ ln(2πeσ²).": "H(p) = -∫ p ln p dx，而正态分布的熵是 ½ ln(2πeσ²)。",
    "Correct: ∫ p ln p dx is minus the entropy.": "正确：∫ p ln p dx 是熵的相反数（负熵）。",
    "That is the entropy H(p). Look at the sign in front of the integral.": "这是熵 H(p)。注意积分前面的符号。",
    "both H(p, q_θ) and D_KL(p‖q_θ) are smallest at the same θ; use H(p, q) = H(p) + D_KL(p‖q) there.": "H(p, q_θ) 与 D_KL(p‖q_θ) 在同一个 θ 处取最小值；在那里利用 H(p, q) = H(p) + D_KL(p‖q)。",
    "Correct: H(p) plus the divergence that a fixed-width model cannot remove.": "正确：H(p) 加上宽度固定的模型无法消除的那部分散度。",
    "That is where the minimum is (θ). The exercise asks for the value.": "这是最小值所在的位置（θ）。本题要的是最小值本身。",
    "That is H(p), the minimum over all models. Here q's width is fixed, so q cannot match p exactly: some divergence remains.": "这是 H(p)，即在所有模型上的最小值。这里 q 的宽度是固定的，q 无法与 p 完全吻合：总会剩下一部分散度。",
    "That is the smallest divergence. The cross-entropy adds something.": "这是最小的散度。交叉熵还要在它上面再加一项。",
    "solve ½ ln(2πeσ²) = 0 for σ.": "解方程 ½ ln(2πeσ²) = 0，求出 σ。",
    "Correct: any narrower normal has negative differential entropy.": "正确：任何比它更窄的正态分布，微分熵都为负。",
    "At that σ the peak density is 1. The entropy averages -ln p over the whole density, not at the peak: set the entropy formula to 0.": "在这个 σ 下，峰值处的概率密度为 1。熵是 -ln p 在整个分布上的平均，而不是峰值处的值：请令熵的公式等于 0。",
    # figures/decomposition.py and panels/decomposition.py (text alternatives and captions, slider labels)
    "Bars in nats: the cross-entropy H(p, q) = {h_pq:.4f} stacked as H(p) = {h_p:.4f} plus D_KL(p‖q) = {kl:.4f}, then H(p) and D_KL alone, and Σ p ln p = {neg_h_p:.4f}, the negative of the entropy, below zero.": "以奈特计的柱形：交叉熵 H(p, q) = {h_pq:.4f}，由 H(p) = {h_p:.4f} 与 D_KL(p‖q) = {kl:.4f} 叠加而成；接着是单独的 H(p) 和 D_KL；最后是 Σ p ln p = {neg_h_p:.4f}，即熵的相反数，位于零以下。",
    "Left: normal densities with standard deviations {widths}; the narrow ones rise above 1. Right: their differential entropy against σ (log scale): {entropies} nats, negative once σ < 1/√(2πe) ≈ 0.242, while D_KL(N(0, σ²)‖N(0, 1)) stays ≥ 0.": "左图：标准差分别为 {widths} 的正态分布的概率密度；较窄的几条超过了 1。右图：它们的微分熵随 σ 的变化（对数坐标）：{entropies} 奈特；一旦 σ < 1/√(2πe) ≈ 0.242 就为负，而 D_KL(N(0, σ²)‖N(0, 1)) 始终 ≥ 0。",
    "Left: p = N(1, 0.8²) and the model q = N({theta:.2f}, {sigma_q:.2f}²). Right: cross-entropy H(p, q) and D_KL(p‖q) against the mean θ, a constant gap H(p) = {entropy_p:.3f} nats apart; here H(p, q) = {cross_entropy:.3f} and D_KL = {kl:.3f} nats.": "左图：p = N(1, 0.8²) 与模型 q = N({theta:.2f}, {sigma_q:.2f}²)。右图：交叉熵 H(p, q) 与 D_KL(p‖q) 随均值 θ 的变化，两者始终相差一个常数 H(p) = {entropy_p:.3f} 奈特；当前 H(p, q) = {cross_entropy:.3f}，D_KL = {kl:.3f} 奈特。",
    "mean θ of q": "q 的均值 θ",
    # (end of 02)
    # === lesson 03 (sample approximation): its checkers, figures, panels and the messages it shows ===
    # exercises/ex03.py
    "That is the {kind} term. k3 uses r itself, not only ln r.": "这是 {kind} 项。k3 要用 r 本身，而不只是 ln r。",
    "compute ln r = ln q(2) - ln p(2) first, then k3 = (r - 1) - ln r.": "先算出 ln r = ln q(2) - ln p(2)，再算 k3 = (r - 1) - ln r。",
    "Correct: positive, as every k3 term is.": "正确：结果为正，每个 k3 项都是如此。",
    "Close: your ratio is upside down. Here r = q(x)/p(x).": "很接近了：你的比值颠倒了。这里 r = q(x)/p(x)。",
    "the standard error is σ/√N, with σ the standard deviation of one term ln p(x) - ln q(x); estimate σ from a large sample or work it out for these normals.": "标准误是 σ/√N，其中 σ 是单个项 ln p(x) - ln q(x) 的标准差；可以用一个大样本估计 σ，也可以对这两个正态分布直接算出它。",
    "Correct: a hundred times smaller error costs ten thousand times more samples.": "正确：误差缩小到百分之一，样本量就要增加到一万倍。",
    "That is √N. The standard error shrinks like 1/√N: solve for N.": "这是 √N。标准误按 1/√N 缩小：请解出 N。",
    "estimator": "估计量",
    'Answer with a set of names from k1, k2, k3, written like {"k1", "k2"}.': '请用由 k1、k2、k3 中的名称组成的集合作答，写成 {"k1", "k2"} 这样。',
    "Correct: both average to D_KL exactly; k3 is also never negative.": "正确：两者的均值都恰好是 D_KL；而且 k3 永不为负。",
    "Not yet. Hint: take the expectation under p of each term. E_p[ln r] = -D_KL, and E_p[r] = ∫ q dx over the set where p > 0 (so 1 when q = 0 wherever p = 0, as here). Which terms then average to D_KL exactly? The table in the notebook shows the bias of each, within its standard error.": "还不对。提示：对每一项在 p 下取期望。E_p[ln r] = -D_KL，而 E_p[r] = ∫ q dx，积分只取遍 p > 0 的集合（所以只要凡是 p = 0 处都有 q = 0，它就等于 1，这里正是如此）。那么哪些项的均值恰好是 D_KL？笔记本中的表格列出了每个估计量的偏差及其标准误。",
    # figures/sampling.py and panels/sampling.py (text alternatives and captions, slider labels)
    "; ": "；",  # between the estimators' summaries
    "{name}: mean {mean:.3f}, std {std:.3f}": "{name}：均值 {mean:.3f}，标准差 {std:.3f}",
    "Left: histograms of {count:,} repeated estimates of D_KL by {names}, each mean marked, against the true value {truth:.3f} nats. Right: bias (with ±2 standard errors) and spread of each estimator. {summary}.": "左图：{names} 对 D_KL 的 {count:,} 次重复估计的直方图，各自标出均值，并与真实值 {truth:.3f} 奈特对照。右图：每个估计量的偏差（附 ±2 个标准误）与离散程度。{summary}。",
    "From one sample: the cross-entropy estimate and the k1 KL estimate against the model mean θ from {first:g} to {last:g}. The two curves are the same shape shifted by a constant, and both are lowest at θ = {best:.2f}.": "由同一个样本算出的交叉熵估计和 k1 KL 估计随模型均值 θ 的变化（θ 从 {first:g} 到 {last:g}）。两条曲线形状相同，只相差一个常数的平移，并且都在 θ = {best:.2f} 处最低。",
    "sample size N = {pad}{n}": "样本量 N = {pad}{n}",
    "random seed": "随机种子",
    "sample size N = {n}, random seed = {seed}": "样本量 N = {n}，随机种子 = {seed}",
    "Left: the running k1 estimate of D_KL(p‖q) for p = N(0, 1), q = N(0.5, 1) over the first {n} draws, with its 95% band and the true value {truth:.3f} nats; the estimate is {estimate:.3f} ± {se:.3f}. Right: the spread of the estimate against N, falling like 1/√N.": "左图：p = N(0, 1)、q = N(0.5, 1) 时，D_KL(p‖q) 的 k1 估计随前 {n} 次抽样逐步更新的过程，附 95% 置信带和真实值 {truth:.3f} 奈特；估计值为 {estimate:.3f} ± {se:.3f}。右图：估计值的离散程度随 N 的变化，按 1/√N 下降。",
    # (end of 03)
    # === lesson 04 (MLE equivalence): its checkers, figures, panels and the messages it shows ===
    # (end of 04)
    # === lesson 05 (forward vs reverse): its checkers, figures, panels and the messages it shows ===
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # exercises/ex06.py
    "the loss is minus the log-softmax of the logits, read at the true class.": "损失等于 logits 的 log-softmax 在真实类别处的值取负。",
    "Correct: the negative log-likelihood of the true class.": "正确：这就是真实类别的负对数似然。",
    "Check the sign: a loss is a negative log-probability, so it is >= 0.": "检查符号：损失是负对数概率，所以它 >= 0。",
    "one term per latent dimension, ½(σ² + μ² − 1 − ln σ²); remember log_var is ln σ², and add the terms.": "每个隐变量维度一项，½(σ² + μ² − 1 − ln σ²)；注意 log_var 是 ln σ²，最后把各项相加。",
    "Correct: the sum of one closed-form KL per latent dimension.": "正确：每个隐变量维度有一个闭式 KL 项，答案是它们的和。",
    "That is the mean over the latent dimensions; a KL between two-dimensional Gaussians is their sum.": "这是对各隐变量维度取的平均；两个二维正态分布之间的 KL 散度是各维的项之和。",
    "form m = (p + q)/2 first; both KL terms against m are finite. Use log base 2.": "先求出 m = (p + q)/2；相对于 m 的两个 KL 项都是有限的。对数以 2 为底。",
    "Correct: finite although D_KL(p‖q) is infinite here.": "正确：尽管这里 D_KL(p‖q) 为无穷大，它仍是有限的。",
    "Right value in nats; the question asks for bits.": "以奈特计，这个值是对的；但题目要的是比特。",
    # multivariate.py: the error §2 shows
    "{name} is not positive definite (smallest eigenvalue {smallest:.3g}); a covariance matrix needs every eigenvalue > 0. Check for a zero variance, a duplicated variable, or a correlation outside (-1, 1)": "{name} 不是正定矩阵（最小特征值为 {smallest:.3g}）；协方差矩阵的每个特征值都必须 > 0。请检查是否有方差为零、变量重复，或相关系数落在 (-1, 1) 之外",
    # figures/practice.py and panels/practice.py
    "For one observation x = {x:g}: the log-evidence ln q_θ(x) = {log_evidence:.3f} nats as a flat line, and the ELBO of each guess r(z = 1) from 0 to 1 as a curve below it; the shaded gap is D_KL(r‖q_θ(z | x)), zero only at the posterior r(z = 1) = {post:.3f}.": "对一个观测 x = {x:g}：水平线是对数证据 ln q_θ(x) = {log_evidence:.3f} 奈特，其下方的曲线是每个猜测 r(z = 1)（从 0 到 1）的 ELBO；阴影部分的差距是 D_KL(r‖q_θ(z | x))，只在后验 r(z = 1) = {post:.3f} 处为零。",
    "Left: p and q on 25 outcomes, q shifted by {shift:.2f}. Middle: D_KL(p‖q), D_KL(q‖p) and Jensen–Shannon against the shift. Here D_KL(p‖q) = {forward:.3f}, D_KL(q‖p) = {reverse:.3f} and JS = {js:.3f} nats, below ln 2.": "左图：25 个结果上的 p 与 q，q 平移了 {shift:.2f}。中图：D_KL(p‖q)、D_KL(q‖p) 与 JS 散度随平移量的变化。此时 D_KL(p‖q) = {forward:.3f}，D_KL(q‖p) = {reverse:.3f}，JS = {js:.3f}（单位均为奈特），JS 低于 ln 2。",
    "shift of q": "q 的平移量",
    "width of q": "q 的宽度",
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
    # --- exercises/ex07.py -------------------------------------------------------------------------
    "the evidence needed is ln(1/α) nats; each flip from p brings D_KL(p‖q) nats on average. Compute D_KL for the two coins in nats, then divide.": "所需的证据是 ln(1/α) 奈特；来自 p 的每次抛掷平均带来 D_KL(p‖q) 奈特。先以奈特为单位算出这两枚硬币的 D_KL，再相除。",
    "Correct: about thirty flips, and a thousand times smaller α would only double it.": "正确：大约三十次抛掷；把 α 再缩小一千倍，次数也只会翻一番。",
    "That uses D_KL(q‖p). The data come from p, so the evidence per flip is D_KL(p‖q).": "这用的是 D_KL(q‖p)。数据来自 p，所以每次抛掷的证据是 D_KL(p‖q)。",
    "Mixed units: ln(1/α) in bits over D_KL in nats. Use natural logarithms for both.": "单位混用了：分子是以比特计的 ln(1/α)，分母是以奈特计的 D_KL。两者都要用自然对数。",
    "Divide the evidence needed by the evidence per flip (not multiply).": "应当用所需的证据除以每次抛掷的证据（而不是相乘）。",
    "compare the table with the product of its row and column sums: I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))].": "把这张表与它的行和、列和之积相比较：I = Σ p(x, y) log2[p(x, y) / (p(x) p(y))]。",
    "Correct: carrying an umbrella says a fair amount about the rain, in bits.": "正确：以比特计，带不带伞透露了关于是否下雨的相当多的信息。",
    "average, over q's words, the length of p's code minus the length of q's own code (lengths are -log2 of the probabilities).": "对 q 的词取平均：p 的编码的码长减去 q 自己的编码的码长（码长是概率的 -log2）。",
    "Correct: less than the 0.625 bits of the other direction; KL is not symmetric.": "正确：比另一个方向的 0.625 比特少；KL 散度不对称。",
    "That is D_KL(p‖q): p's words with q's code. Here the words come from q.": "这是 D_KL(p‖q)：用 q 的编码发送 p 的词。本题中的词来自 q。",
    "That is the whole average length with p's code; subtract what q's own code needs.": "这是用 p 的编码时的全部平均码长；还要减去 q 自己的编码所需的码长。",
    # --- figures/how_big.py (text alternatives and captions) ---------------------------------------
    "bits": "比特",
    "nats": "奈特",
    "Four panels of rectangles, one per word ({words}): width = how often the word is sent, height = its code length in {unit}, so each panel's area is the average length. p's words: {pp:.2f} {unit} with p's code, {pq:.2f} with q's code, extra D_KL(p‖q) = {d_pq:.3f}. q's words: {qq:.2f} with q's code, {qp:.2f} with p's code, extra D_KL(q‖p) = {d_qp:.3f}.": "四幅由矩形组成的图，每个词一个矩形（{words}）：宽度是该词被发送的频率，高度是它以{unit}计的码长，因此每幅图的面积就是平均码长。p 的词：用 p 的编码为 {pp:.2f} {unit}，用 q 的编码为 {pq:.2f}，多出 D_KL(p‖q) = {d_pq:.3f}。q 的词：用 q 的编码为 {qq:.2f}，用 p 的编码为 {qp:.2f}，多出 D_KL(q‖p) = {d_qp:.3f}。",
    "Running sums of the log-likelihood ratio ln p/q over {flips} flips of a coin with heads probability {theta_p:g} (p) against one with {theta_q:g} (q), for {runs} runs: the runs wander but climb, and their average ({final:.1f} nats after {flips} flips) follows the line N·D_KL(p‖q) with slope {d_pq:.3f} nats per flip.": "把正面概率为 {theta_p:g} 的硬币 (p) 抛 {flips} 次，对照正面概率为 {theta_q:g} 的硬币 (q)，画出对数似然比 ln p/q 的累积和，共 {runs} 轮：各轮来回摆动但总体上升，它们的平均（抛 {flips} 次后为 {final:.1f} 奈特）沿着直线 N·D_KL(p‖q) 增长，斜率为每次抛掷 {d_pq:.3f} 奈特。",
    "(1/N) ln β_N against N from {low:g} to {high:g} (log scale) for the count test at level {epsilon:g}: accepting p wrongly approaches −D_KL(p‖q) = {limit_pq:.3f}, reaching {end_pq:.3f}; with the roles swapped it approaches −D_KL(q‖p) = {limit_qp:.3f}, reaching {end_qp:.3f}. Both start far above their limits at small N.": "水平为 {epsilon:g} 的计数检验的 (1/N) ln β_N 随 N 的变化，N 从 {low:g} 到 {high:g}（对数刻度）：错误接受 p 的曲线趋近 −D_KL(p‖q) = {limit_pq:.3f}，最后达到 {end_pq:.3f}；角色互换后趋近 −D_KL(q‖p) = {limit_qp:.3f}，最后达到 {end_qp:.3f}。N 较小时，两条曲线都远高于各自的极限。",
    "Left: {shown} runs of summed evidence ln p/q, each stopping at the first crossing of {upper:.2f} (choose p) or {lower:.2f} (choose q). Right: histogram of the samples used by {runs:,} runs: mean {mean:.1f}, Wald's approximation {wald:.1f}; {chose_q:.2%} of the runs chose q.": "左图：{shown} 轮累积证据 ln p/q，每轮在首次越过 {upper:.2f}（选择 p）或 {lower:.2f}（选择 q）时停止。右图：{runs:,} 轮所用样本数的直方图：均值 {mean:.1f}，Wald 近似 {wald:.1f}；{chose_q:.2%} 的轮次选择了 q。",
    "Left: surprises in bits of event A (P = {pa:g}, {sa:.2f} bits), event B (P = {pb:g}, {sb:.2f} bits) and both together (P = {pab:g}), whose bar is the two stacked: {sab:.2f} bits. Right: the same three surprises in bits, nats and bans; each base scales all bars by one factor.": "左图：以比特计的惊奇度：事件 A（P = {pa:g}，{sa:.2f} 比特）、事件 B（P = {pb:g}，{sb:.2f} 比特）以及两者同时发生（P = {pab:g}），最后这根柱形由前两根叠成：{sab:.2f} 比特。右图：同样三个惊奇度，分别以比特、奈特和哈特莱计；换底只是把所有柱形按同一个因子缩放。",
    "Two {rows} by {cols} tables with each cell's probability written in it: the joint distribution {joint} and the product of its marginals {product}. Their KL divergence, the mutual information, is {info:.4f} nats.": "两张 {rows} × {cols} 的表，每个格子里写着它的概率：联合分布 {joint}，以及它的边缘分布之积 {product}。两者之间的 KL 散度即互信息，为 {info:.4f} 奈特。",
    "{pairs} pairs of distributions on {k} outcomes, p as solid bars and q as hatched bars, with D_KL(p‖q) = {values} nats: the bars look alike at the smallest value and q nearly vanishes where p has mass at the largest.": "{k} 个结果上的 {pairs} 对分布，p 为实心柱形，q 为斜线柱形，D_KL(p‖q) 依次为 {values} 奈特：在最小的值处两组柱形看起来差不多；在最大的值处，凡是 p 有概率质量的地方 q 都几乎为零。",
    # --- panels/how_big.py and guessing.py: the guess-the-KL game --------------------------------
    "your guess: {guess:g} nats": "你的猜测：{guess:g} 奈特",
    "Reveal": "揭晓",
    "lock your guess and show the true value": "锁定你的猜测并显示真实值",
    "Next round": "下一轮",
    "a new pair of distributions": "换一对新的分布",
    "your guess = {guess:g} nats": "你的猜测 = {guess:g} 奈特",
    "the true D_KL(p‖q) = {truth:.4f} nats is marked beside it, {error:.2f} decades away": "旁边标出了真实值 D_KL(p‖q) = {truth:.4f} 奈特，两者相差 {error:.2f} 个数量级",
    "the true value stays hidden until Reveal": "按下“揭晓”之前，真实值一直隐藏",
    "Round {round} of {rounds} of the guessing game. Bars of p = {p} and q = {q} on {k} outcomes; on a log scale of nats the guess {guess:g} is marked and {shown}. Score so far {score:.2f}.": "猜 KL 游戏第 {round} 轮（共 {rounds} 轮）。{k} 个结果上 p = {p} 与 q = {q} 的柱形；在以奈特为单位的对数刻度上标出了猜测值 {guess:g}，{shown}。目前总分 {score:.2f}。",
    "Round {round} of {rounds}: ": "第 {round} 轮（共 {rounds} 轮）：",
    "Score so far: {score:.2f} (lower is better).": "目前总分：{score:.2f}（越低越好）。",
    "pick your guess, then press Reveal. ": "选好你的猜测，然后按“揭晓”。",
    "you said {guess:g} nats, D_KL(p‖q) = {truth:.4f} nats: off by {error:.2f} decades. ": "你猜的是 {guess:g} 奈特，D_KL(p‖q) = {truth:.4f} 奈特：相差 {error:.2f} 个数量级。",
    "Game over: total {score:.2f}, {mean:.2f} decades per round (a factor of {factor:.1f}).": "游戏结束：总分 {score:.2f}，平均每轮相差 {mean:.2f} 个数量级（即相差 {factor:.1f} 倍）。",
    "this round is already revealed; call next_round() first": "这一轮已经揭晓；请先调用 next_round()",
    "reveal the current round before moving on": "请先揭晓当前这一轮，再进入下一轮",
    "that was the last round; start a new GuessGame to play again": "这已经是最后一轮；想再玩一局，请新建一个 GuessGame",
    # (end of 07)
    # === lesson 08 (KL as a loss): its checkers, figures, panels and the messages it shows ===
    # exercises/ex08.py
    "input is the model's log-probabilities and target the data, so each row gives D_KL(target‖model); 'batchmean' sums every term and divides by the batch size.": "input 是模型的对数概率，target 是数据，所以每一行给出 D_KL(target‖model)；'batchmean' 把所有项相加，再除以批大小。",
    "Correct: the mean over the batch of D_KL(p_b‖q_b).": "正确：这是 D_KL(p_b‖q_b) 在整个批次上的平均。",
    "That is reduction='mean': divided by the number of elements (batch × classes), not by the batch size.": "这是 reduction='mean' 的结果：除以的是元素个数（批大小 × 类别数），而不是批大小。",
    "That is reduction='sum'; 'batchmean' divides by the batch size.": "这是 reduction='sum' 的结果；'batchmean' 还要除以批大小。",
    "The direction is reversed: kl_div(input, target) computes D_KL(target‖model).": "方向反了：kl_div(input, target) 计算的是 D_KL(target‖model)。",
    "take E over q_θ of (1 − r)·∂ln q_θ/∂θ with r = p/q_θ; E_q[r·f] = E_p[f].": "在 q_θ 下对 (1 − r)·∂ln q_θ/∂θ 求期望，其中 r = p/q_θ；利用 E_q[r·f] = E_p[f]。",
    "Correct: the gradient of the forward KL D_KL(p‖q_θ), not of the reverse KL that k3 estimates.": "正确：这是前向 KL D_KL(p‖q_θ) 的梯度，而不是 k3 的值所估计的反向 KL 的梯度。",
    "That is the gradient of the reverse KL D_KL(q_θ‖p), the value k3 estimates; with the samples held fixed its gradient is another one.": "这是反向 KL D_KL(q_θ‖p) 的梯度，也就是 k3 的值所估计的量；把样本固定后求导，得到的是另一个梯度。",
    "That is the expected gradient of k1 used as a loss (the score has mean 0); k3 has an extra factor (1 − r).": "这是把 k1 用作损失时梯度的期望（得分函数的均值为 0）；k3 多了一个因子 (1 − r)。",
    "match quantiles: Y − X = 1 + (2 − 1)Z with Z ~ N(0, 1); W₁ = E|1 + Z|, the mean of a folded normal.": "按分位数配对：Y − X = 1 + (2 − 1)Z，其中 Z ~ N(0, 1)；W₁ = E|1 + Z|，即一个折叠正态分布的均值。",
    "Correct: E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2).": "正确：E|1 + Z| = √(2/π)e^(−1/2) + erf(1/√2)。",
    "That is the distance between the means, W₁ only for equal widths; here the widths differ.": "这是两个均值之间的距离，只有宽度相同时它才等于 W₁；这里宽度不同。",
    "That is W₂ = √((Δμ)² + (Δσ)²); W₁ averages |Y − X| instead of its square.": "这是 W₂ = √((Δμ)² + (Δσ)²)；W₁ 平均的是 |Y − X| 本身，而不是它的平方。",
    # gradients.py (recipe names) and figures/loss.py
    "as loss": "作为损失",
    "score-function": "得分函数",
    "reparameterised": "重参数化",
    "{estimator} {kind}, x ~ {source}": "{estimator} {kind}，x ~ {source}",
    "{label}: {mean:.2f}": "{label}：{mean:.2f}",
    "The Monte Carlo mean of {n} gradient recipes, each with ±2 standard errors, against the exact gradients of D_KL(q_θ‖p) = {reverse:.2f} and D_KL(p‖q_θ) = {forward:.2f} and zero. {summary}.": "{n} 种求梯度做法各自的蒙特卡洛均值（各带 ±2 个标准误），与精确梯度对照：D_KL(q_θ‖p) 的梯度 {reverse:.2f}，D_KL(p‖q_θ) 的梯度 {forward:.2f}，以及 0。{summary}。",
    "kNN estimates of D_KL from two samples against the sample size (log scale), {reps} repetitions per size and their mean ({means}), approaching the exact value {exact:.3f} nats.": "由两组样本得到的 D_KL 的 kNN 估计随样本量的变化（对数坐标）：每个样本量重复 {reps} 次，连同它们的平均（{means}），逐渐接近精确值 {exact:.3f} 奈特。",
    "The linear VAE's KL term at its optimum against the decoder noise variance σ²: the closed form ½ max(0, ln(v/σ²)) for data variance v = {v:g}, with gradient-ascent fits on it, falling to exactly 0 (posterior collapse) once σ² ≥ {v:g}.": "线性 VAE 在最优点处的 KL 项随解码器噪声方差 σ² 的变化：数据方差 v = {v:g} 时的闭式解 ½ max(0, ln(v/σ²))，梯度上升的拟合结果落在它上面；一旦 σ² ≥ {v:g}，它恰好降为 0（后验坍缩）。",
    # panels/loss.py
    "shift θ of q": "q 的平移量 θ",
    "width w of p and q": "p 与 q 的宽度 w",
    "{label} {value:.3f} (gradient {slope:.2g})": "{label} {value:.3f}（梯度 {slope:.2g}）",
    "Left: p = N(0, {width:.2f}²) and the model q = N({shift:.2f}, {width:.2f}²). Middle and right: four divergences and the size of their gradients against the shift (log scale). Here {values}.": "左图：p = N(0, {width:.2f}²) 与模型 q = N({shift:.2f}, {width:.2f}²)。中图和右图：四种散度及其梯度的大小随平移量的变化（对数坐标）。当前取值：{values}。",
    # (end of 08)
}
