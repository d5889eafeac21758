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
    # (end of 02)
    # === lesson 03 (sample approximation): its checkers, figures, panels and the messages it shows ===
    # (end of 03)
    # === lesson 04 (MLE equivalence): its checkers, figures, panels and the messages it shows ===
    # exercises/ex04.py (the two "{name} should be" messages of read_vector are in lesson 05's section)
    "The probability of outcome {i}": "结果 {i} 的概率",
    "Answer with a list of four probabilities, e.g. [0.7, 0.1, 0.1, 0.1].": "请用含四个概率的列表作答，例如 [0.7, 0.1, 0.1, 0.1]。",
    "Those are counts, not probabilities: a distribution sums to 1.": "这些是计数，不是概率：一个分布的各项之和为 1。",
    "Your entries sum to {total:.4g}; probabilities are >= 0 and sum to 1.": "你的各项之和为 {total:.4g}；概率都 >= 0，且和为 1。",
    "Correct: the empirical distribution is both the MLE and the KL minimiser.": "正确：经验分布既是极大似然估计，也是 KL 散度的最小值点。",
    "Not yet. Hint: D_KL(p̂‖q) is never negative and is 0 only when q equals p̂; so what is p̂ for these counts?": "还不对。提示：D_KL(p̂‖q) 永不为负，且只在 q 等于 p̂ 时为 0；那么对这组计数，p̂ 是什么？",
    "write both as averages over the data and subtract term by term; what is left does not involve the model at all.": "把两者都写成对数据的平均，再逐项相减；剩下的部分与模型完全无关。",
    "Correct: the gap is the average of ln p(x_i), the same for every θ.": "正确：这个差就是 ln p(x_i) 的平均值，对每个 θ 都相同。",
    "Right size, wrong sign: which of the two is larger?": "大小对了，符号反了：两者中哪个更大？",
    "That is a sum over the data; both quantities are averages.": "这是对数据的求和；而这两个量都是平均值。",
    "Correct at all three points: your gradient matches finite differences.": "三个点上全部正确：你的梯度与有限差分一致。",
    "That is the derivative of the summed NLL. The exercise uses the average NLL: divide by the number of data.": "这是求和形式的 NLL 的导数。本题用的是平均 NLL：再除以数据的个数。",
    "That is the derivative with respect to σ. The variable here is v = σ²: write the NLL in terms of v first (or use the chain rule).": "这是对 σ 的导数。这里的变量是 v = σ²：先把 NLL 写成 v 的函数（或者用链式法则）。",
    "Wrong value at mu={mu}, v={v}. Hint: NLL = ½ ln(2πv) + mean((x − μ)²) / (2v); differentiate both terms in v.": "在 mu={mu}、v={v} 处的值不对。提示：NLL = ½ ln(2πv) + mean((x − μ)²) / (2v)；两项分别对 v 求导。",
    # optimize.py: the error lesson 04 shows (a learning rate that is too large)
    "gradient descent diverged at step {step}: {why}; learning_rate={eta:g} is too large for this problem, try a smaller one such as {smaller:g}": "梯度下降在第 {step} 步发散：{why}；learning_rate={eta:g} 对这个问题太大了，请换一个更小的值，例如 {smaller:g}",
    "the loss rose from {start:.6g} to {value:.6g}, above its starting value": "损失从 {start:.6g} 升到 {value:.6g}，超过了它的初始值",
    "the loss became {value}": "损失变成了 {value}",
    "the gradient became non-finite": "梯度变成了非有限值",
    "the parameters became non-finite": "参数变成了非有限值",
    # figures/mle.py and panels/mle.py (text alternatives, captions, slider labels)
    "Left: the average negative log-likelihood of samples of size {sizes} from N({mu_p:g}, {sigma_p:g}²) against the model mean, each with its minimum dotted, closing in on the expected NLL H(p, q) (dashed), which is lowest at μ = {mu_p:g}. Right: how far each maximum-likelihood estimate is from ({mu_p:g}, {sigma_p:g}) against N on log–log axes, beside a 1/√N guide.": "左图：从 N({mu_p:g}, {sigma_p:g}²) 中抽取的、样本量分别为 {sizes} 的样本，其平均负对数似然随模型均值变化的曲线，每条曲线的最小值用圆点标出；这些曲线逐渐靠近期望 NLL H(p, q)（虚线），后者在 μ = {mu_p:g} 处最低。右图：在双对数坐标中，各个极大似然估计与 ({mu_p:g}, {sigma_p:g}) 的距离随 N 的变化，旁边是一条 1/√N 参考线。",
    "Left: a histogram of {n} data points with the model N({mu:.2f}, {sigma:.2f}²). Right: contours of the average negative log-likelihood over (μ, σ) with the maximum-likelihood estimate starred; here the NLL is {nll:.3f}{kl}.": "左图：{n} 个数据点的直方图与模型 N({mu:.2f}, {sigma:.2f}²)。右图：平均负对数似然在 (μ, σ) 上的等高线，星号标出极大似然估计；当前的 NLL 为 {nll:.3f}{kl}。",
    "Gradient descent on the negative log-likelihood, step {step} of {steps}: the model is N({mu:.2f}, {sigma:.2f}²) over the data's histogram (left), and the loss curves over the steps (right); here the NLL is {nll:.3f}{kl}.": "对负对数似然做梯度下降，共 {steps} 步中的第 {step} 步：左图是数据直方图上的模型 N({mu:.2f}, {sigma:.2f}²)，右图是损失随步数变化的曲线；当前的 NLL 为 {nll:.3f}{kl}。",
    " and D_KL(p‖q) = {kl:.3f} nats": "，D_KL(p‖q) = {kl:.3f} 奈特",
    "mean μ": "均值 μ",
    "std σ": "标准差 σ",
    "step": "步数",
    # (end of 04)
    # === lesson 05 (forward vs reverse): its checkers, figures, panels and the messages it shows ===
    # (end of 05)
    # === lesson 06 (KL in practice): its checkers, figures, panels and the messages it shows ===
    # (end of 06)
    # === lesson 07 (how big is KL): its checkers, figures, panels and the messages it shows ===
    # (end of 07)
    # === lesson 08 (KL as a loss): its checkers, figures, panels and the messages it shows ===
    # (end of 08)
}
