# ruff: noqa: E501  (one reference or one reading item per line)
"""The course's reading list: ONE source for each lesson's "Further reading" and the bibliography.

``tools/make_handouts.py`` writes, from this file, the "## Further reading" cell of every lesson
(after the pen-and-paper problems, before the footer) and ``notebooks/bibliography.ipynb``
(each work once, with the lessons that use it). ``tests/test_handouts.py`` checks that the two agree
with this file, that every lesson has its reading and that every work is read somewhere.

Why a Python module and not YAML: the standard library reads it (PyYAML is not a dependency of
the course), the tests import it directly, and comments can say why an item is there.

Adding a lesson's reading (e.g. lessons 07 and 08) is ONE new item in ``READING``:
``"07_name": [(work, where, why), ...]``, then ``python tools/make_handouts.py``. A new work also
gets its line in ``WORKS``. Only real, checkable references: book sections taken from the books'
tables of contents, web addresses the lessons already cite or that were looked up.
"""

from __future__ import annotations

#: key -> (short label, full citation in Markdown, web address or "" for a printed book).
WORKS: dict[str, tuple[str, str, str]] = {
    "bishop": ("Bishop, *PRML*", "Bishop, C. M. (2006). *Pattern Recognition and Machine Learning*. Springer.", "https://www.microsoft.com/en-us/research/publication/pattern-recognition-machine-learning/"),
    "cover-thomas": ("Cover & Thomas, *Elements of Information Theory*", "Cover, T. M. and Thomas, J. A. (2006). *Elements of Information Theory*, 2nd edition. Wiley.", ""),
    "mackay": ("MacKay, *Information Theory, Inference, and Learning Algorithms*", "MacKay, D. J. C. (2003). *Information Theory, Inference, and Learning Algorithms*. Cambridge University Press (free to read on screen).", "https://www.inference.org.uk/itila/book.html"),
    "murphy-intro": ("Murphy, *Probabilistic Machine Learning: An Introduction*", "Murphy, K. P. (2022). *Probabilistic Machine Learning: An Introduction*. MIT Press (free draft online).", "https://probml.github.io/pml-book/book1.html"),
    "murphy-advanced": ("Murphy, *Probabilistic Machine Learning: Advanced Topics*", "Murphy, K. P. (2023). *Probabilistic Machine Learning: Advanced Topics*. MIT Press (free draft online).", "https://probml.github.io/pml-book/book2.html"),
    "goodfellow": ("Goodfellow, Bengio & Courville, *Deep Learning*", "Goodfellow, I., Bengio, Y. and Courville, A. (2016). *Deep Learning*. MIT Press (free online).", "https://www.deeplearningbook.org/"),
    "kullback-leibler": ("Kullback & Leibler (1951)", "Kullback, S. and Leibler, R. A. (1951). On information and sufficiency. *Annals of Mathematical Statistics* 22(1), 79–86.", "https://doi.org/10.1214/aoms/1177729694"),
    "schulman": ("Schulman, “Approximating KL divergence”", "Schulman, J. (2020). Approximating KL divergence (blog post).", "http://joschu.net/blog/kl-approx.html"),
    "kingma-welling": ("Kingma & Welling (2014), “Auto-encoding variational Bayes”", "Kingma, D. P. and Welling, M. (2014). Auto-encoding variational Bayes. ICLR 2014, arXiv:1312.6114.", "https://arxiv.org/abs/1312.6114"),
    "blei": ("Blei, Kucukelbir & McAuliffe (2017), “Variational inference: a review for statisticians”", "Blei, D. M., Kucukelbir, A. and McAuliffe, J. D. (2017). Variational inference: a review for statisticians. *Journal of the American Statistical Association* 112(518), 859–877; arXiv:1601.00670.", "https://arxiv.org/abs/1601.00670"),
    "lin": ("Lin (1991), “Divergence measures based on the Shannon entropy”", "Lin, J. (1991). Divergence measures based on the Shannon entropy. *IEEE Transactions on Information Theory* 37(1), 145–151.", "https://doi.org/10.1109/18.61115"),
    # Lessons 07 and 08.
    "colah": ("Olah, “Visual Information Theory”", "Olah, C. (2015). Visual Information Theory (blog post).", "https://colah.github.io/posts/2015-09-Visual-Information/"),
    "wgan": ("Arjovsky, Chintala & Bottou (2017), “Wasserstein GAN”", "Arjovsky, M., Chintala, S. and Bottou, L. (2017). Wasserstein GAN. arXiv:1701.07875.", "https://arxiv.org/abs/1701.07875"),
    "lucas-collapse": ("Lucas et al. (2019), “Don't blame the ELBO!”", "Lucas, J., Tucker, G., Grosse, R. and Norouzi, M. (2019). Don't blame the ELBO! A linear VAE perspective on posterior collapse. NeurIPS 2019, arXiv:1911.02469.", "https://arxiv.org/abs/1911.02469"),
    "torch-kldivloss": ("PyTorch `KLDivLoss` documentation", "PyTorch documentation: `torch.nn.KLDivLoss` (argument order, `reduction`, `log_target`).", "https://docs.pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html"),
    "cv-211175": ("stats.stackexchange.com/q/211175", "Cross Validated, question 211175: Kullback–Leibler divergence for two samples.", "https://stats.stackexchange.com/questions/211175/kullback-leibler-divergence-for-two-samples"),
    "sklearn-10778": ("scikit-learn#10778", "scikit-learn issue #10778, on the unit (nats) of `mutual_info_score`.", "https://github.com/scikit-learn/scikit-learn/issues/10778"),
    # Threads the lessons cite in their "Common mistakes".
    "mse-21063": ("math.stackexchange.com/q/21063", "Mathematics Stack Exchange, question 21063: difference between the logarithm of an expectation and the expectation of a logarithm.", "https://math.stackexchange.com/questions/21063/difference-between-logarithm-of-an-expectation-value-and-expectation-value-of-a"),
    "pytorch-7337": ("pytorch#7337", "PyTorch issue #7337, on the argument order and log-inputs of `KLDivLoss`.", "https://github.com/pytorch/pytorch/issues/7337"),
    "scipy-12553": ("scipy#12553", "SciPy issue #12553: `scipy.stats.entropy` silently normalises its inputs.", "https://github.com/scipy/scipy/issues/12553"),
    "npeet-6": ("gregversteeg/NPEET#6", "NPEET issue #6: a negative entropy estimate for a continuous variable.", "https://github.com/gregversteeg/NPEET/issues/6"),
    "trl-1161": ("huggingface/trl#1161", "Hugging Face TRL issue #1161: negative KL estimates in training logs.", "https://github.com/huggingface/trl/issues/1161"),
    "cv-474080": ("stats.stackexchange.com/q/474080", "Cross Validated, question 474080: the maximum-likelihood estimate of the variance and its expectation.", "https://stats.stackexchange.com/questions/474080/difference-between-maximum-likelihood-estimate-of-variance-and-its-expectation"),
    "pymc-775": ("pymc-devs/pymc#775", "PyMC pull request #775: ADVI and NUTS disagree, and ADVI's tendency to under-estimate the spread.", "https://github.com/pymc-devs/pymc/pull/775"),
    "keras-io-270": ("keras-team/keras-io#270", "keras-io issue #270: the VAE tutorial averaged its KL term over latent dimensions.", "https://github.com/keras-team/keras-io/issues/270"),
}

#: lesson file stem -> [(work key, where in the work, why read it for THIS lesson: one sentence)].
READING: dict[str, list[tuple[str, str, str]]] = {
    "00_refresher": [
        ("bishop", "§1.2.1 Probability densities and §1.2.2 Expectations and covariances", "The same densities-versus-probabilities and expectation-as-average ideas, in the notation most machine-learning texts use."),
        ("cover-thomas", "§2.6 Jensen's inequality and its consequences", "Proves Jensen's inequality for convex functions and shows how the information inequality of lesson 01 follows from it."),
        ("mackay", "ch. 2 Probability, entropy, and inference", "Works through expectations, logarithms and Jensen's inequality with many small exercises in the spirit of this refresher."),
        ("mse-21063", "", "The question behind common mistake 2, with answers that derive $E[\\ln X] \\le \\ln E[X]$ from Jensen."),
    ],
    "01_definition": [
        ("bishop", "§1.6.1 Relative entropy and mutual information", "The textbook derivation this course follows: the definition, Gibbs' inequality via Jensen, and the coding view."),
        ("cover-thomas", "ch. 2, §2.3 and §2.6; §5.4 Bounds on the optimal code length", "The standard proof that $D_{KL} \\ge 0$ with equality iff $p = q$, and the theorem that coding with the wrong distribution costs $D_{KL}$ extra bits."),
        ("mackay", "ch. 2 (Gibbs' inequality) and ch. 5 Symbol codes", "Gibbs' inequality with MacKay's intuitions, then symbol codes, where ideal code lengths are $-\\log_2$ of probabilities."),
        ("murphy-intro", "ch. 6 Information theory (the section on relative entropy)", "A modern machine-learning treatment of KL, with the forward/reverse distinction used later in the course."),
        ("kullback-leibler", "", "The 1951 paper that introduced the divergence, as the mean information for discrimination between two hypotheses."),
        ("pytorch-7337", "", "The thread behind common mistake 2: a real library puts the model first and the data second."),
    ],
    "02_decomposition": [
        ("bishop", "§1.6 Information theory and §1.6.1", "Differential entropy, cross-entropy-style terms and the link between minimising KL and maximising likelihood in one short section."),
        ("cover-thomas", "ch. 8 Differential entropy", "Defines differential entropy, shows by example that it can be negative, and defines relative entropy for densities."),
        ("murphy-intro", "ch. 6 Information theory (entropy and relative entropy)", "Cross-entropy, entropy and KL side by side, with their use as training losses."),
        ("npeet-6", "", "The report behind common mistake 3, answered by the maintainers: a negative differential entropy is not a bug."),
        ("scipy-12553", "", "Why `scipy.stats.entropy` gives a plausible number for inputs that are not distributions, and why the course's helpers refuse them."),
    ],
    "03_sample_approximation": [
        ("schulman", "", "The source of the $k_1$, $k_2$, $k_3$ estimators, with their bias and variance measured on normal examples."),
        ("bishop", "ch. 11 Sampling methods (introduction and §11.1.4 Importance sampling)", "Why a sample mean's variance falls like $1/N$, and the importance-sampling correction of common mistake 3."),
        ("mackay", "ch. 29 Monte Carlo methods", "Monte Carlo estimation and importance sampling, including why the error does not depend on the dimension."),
        ("trl-1161", "", "A production training loop that logged negative KL estimates: the plain estimator at work."),
    ],
    "04_mle_equivalence": [
        ("bishop", "§1.6.1, the paragraph on approximating $p$ by $q(x \\mid \\theta)$ from data", "The short argument that minimising KL to the data is maximising likelihood, which this lesson checks in code."),
        ("murphy-intro", "ch. 4 Statistics (maximum likelihood estimation)", "Maximum likelihood as minimising the NLL, with its link to KL and to empirical risk minimisation."),
        ("goodfellow", "§5.5 Maximum likelihood estimation", "The same equivalence, KL to the empirical distribution and cross-entropy, written for deep learning."),
        ("cv-474080", "", "The thread behind common mistake 1: which variance estimate is the MLE and which is unbiased."),
    ],
    "05_forward_vs_reverse": [
        ("bishop", "§10.1 Variational inference (§10.1.2 Properties of factorized approximations)", "The figures that made “mode-seeking” and “mass-covering” famous: a factorised Gaussian and a two-mode target fitted both ways."),
        ("murphy-intro", "ch. 6 Information theory (forward vs reverse KL)", "A compact statement of the two directions and the shapes of their fits."),
        ("goodfellow", "§3.13 Information theory", "The forward/reverse figure for a mixture target, in a deep-learning context."),
        ("mackay", "ch. 33 Variational methods", "Variational free energy minimisation, i.e. reverse KL, worked through by hand."),
        ("pymc-775", "", "The thread behind common mistake 3: ADVI (reverse KL) reports a narrower spread than MCMC."),
    ],
    "07_how_big_is_kl": [
        ("cover-thomas", "ch. 11 Information theory and statistics (§11.7–§11.8, hypothesis testing and the Chernoff–Stein lemma)", "The full statement and proof of the Chernoff–Stein lemma that §2 checks by simulation, with its conditions."),
        ("mackay", "ch. 2 and ch. 4 The source coding theorem", "Why the logarithm is the right measure of surprise, and how expected code lengths become entropies, the picture of §4–§5."),
        ("colah", "", "The codes-as-areas picture of §4, drawn with care and built up step by step."),
        ("cover-thomas", "§2.4–§2.5 Mutual information and chain rules", "Mutual information as a relative entropy and the chain rules of §6, with proofs."),
        ("sklearn-10778", "", "The thread behind common mistake 4: a library's mutual information is in nats, and comparing it with bits misleads."),
    ],
    "08_kl_as_a_loss": [
        ("schulman", "", "The $k_1$/$k_3$ estimators whose gradients §1 compares, and the note the RL-from-feedback discussion starts from."),
        ("torch-kldivloss", "", "The documented argument order, `reduction='batchmean'` and `log_target` of §2, in the library's own words."),
        ("lucas-collapse", "", "The linear-VAE analysis behind §3: posterior collapse as a true optimum once the decoder noise is large."),
        ("wgan", "", "Why JS and TV give no gradient for distributions with disjoint supports and Wasserstein does, the argument of §4."),
        ("cv-211175", "", "The question behind §5: estimating KL from two samples without densities."),
    ],
    "06_kl_in_practice": [
        ("kingma-welling", "", "The VAE paper; its appendix gives the closed-form KL term between a diagonal normal and the standard normal that §2 computes."),
        ("blei", "", "The ELBO and the reverse KL of variational inference, explained for statisticians."),
        ("murphy-advanced", "the variational inference chapter (Part II, Inference)", "Where to go after this lesson: ELBO variants, amortised inference and other divergences."),
        ("lin", "", "The paper that defined the Jensen–Shannon divergence and studied its properties and bounds, the subject of §3."),
        ("bishop", "§4.3.4 Multiclass logistic regression", "The cross-entropy loss of a softmax classifier derived as a negative log-likelihood."),
        ("keras-io-270", "", "The thread behind common mistake 3: a KL term averaged instead of summed over latent dimensions."),
    ],
}
