#!/usr/bin/env python3
"""Writes the notebook fixtures of this directory (run from anywhere; only the standard library).

Notebooks are written exactly as nbformat 4 writes them (json.dumps with indent=1, sort_keys=True,
ensure_ascii=False, sources split with str.splitlines(keepends=True), a final newline), except the
fixtures whose point is another layout. Each leaking notebook also gets X.fixed.ipynb: the notebook
as `oomlint check --fix` must leave it (computed here by plain string replacement in one cell).
The .expected files are written by hand, not by this script.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PY_META = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": "3.11.4",
    },
}

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def lines(text):
    return text.splitlines(True)


def code(cid, text, count=None, outputs=None, metadata=None):
    return {"cell_type": "code", "execution_count": count, "id": cid, "metadata": metadata or {},
            "outputs": outputs or [], "source": lines(text)}


def md(cid, text):
    return {"cell_type": "markdown", "id": cid, "metadata": {}, "source": lines(text)}


def nb(cells, metadata=PY_META, minor=5):
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": minor}


def dumps(notebook, **kw):
    args = dict(indent=1, sort_keys=True, ensure_ascii=False, separators=(",", ": "))
    args.update(kw)
    s = json.dumps(notebook, **args)
    return s if s.endswith("\n") else s + "\n"


def write(name, text, newline=None):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(text if newline is None else text.replace("\n", newline))


def fixed(notebook, cell, old, new):
    out = copy.deepcopy(notebook)
    src = "".join(out["cells"][cell]["source"]) if isinstance(out["cells"][cell]["source"], list) \
        else out["cells"][cell]["source"]
    assert src.count(old) == 1, (old, src)
    src = src.replace(old, new)
    out["cells"][cell]["source"] = lines(src) if isinstance(out["cells"][cell]["source"], list) else src
    return out


# 1. A leak whose imports sit in an earlier cell than its training loop.
LEAK = nb([
    md("a1", "# Training a small classifier\n\nImports first, the loop three cells later."),
    code("a2", "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F", count=1),
    code("a3", "model = nn.Linear(10, 2).cuda()\n"
               "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
               "loader = [(torch.randn(8, 10), torch.randint(0, 2, (8,))) for _ in range(100)]",
         count=2, metadata={"scrolled": True},
         outputs=[{"data": {"image/png": PNG, "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
                   "metadata": {"needs_background": "light"}, "output_type": "display_data"}]),
    md("a4", "## Training loop"),
    code("a5", "total_loss = 0.0\n"
               "for epoch in range(3):\n"
               "    for x, y in loader:\n"
               "        optimizer.zero_grad()\n"
               "        out = model(x.cuda())\n"
               "        loss = F.cross_entropy(out, y.cuda())\n"
               "        loss.backward()\n"
               "        optimizer.step()\n"
               "        total_loss += loss\n"
               "print(total_loss / len(loader))",
         count=3, outputs=[{"name": "stdout", "output_type": "stream", "text": ["tensor(2.0794, device='cuda:0', grad_fn=<DivBackward0>)\n"]}]),
    code("a6", "", count=None),
])
write("leak_across_cells.ipynb", dumps(LEAK))
write("leak_across_cells.fixed.ipynb", dumps(fixed(LEAK, 4, "total_loss += loss\n", "total_loss += loss.item()\n")))

# 2. IPython syntax everywhere; the leak sits in a %%time cell; a %%bash cell, a VS Code SQL cell
#    and a raw cell are skipped.
MAGICS = nb([
    code("b1", "%matplotlib inline\n!pip install -q torch\nimport torch\nfiles = !ls *.pt\n%load_ext autoreload", count=1),
    code("b2", "%%bash\nnvidia-smi\necho \"it's fine\"", count=2),
    code("b3", "torch.cuda.memory_allocated?\n"
               "??torch.zeros\n"
               "model = torch.nn.Linear(4, 4).cuda()\n"
               "opt = torch.optim.Adam(model.parameters())\n"
               "fmt = \"\"\"\n%d items\n!not a shell\n\"\"\"\n"
               "ratio = (10\n         % 3)\n"
               "%timeit -n 3 \\\n    torch.randn(2).sum()", count=3),
    code("b4", "%%time\n"
               "history = []\n"
               "for step in range(100):\n"
               "    %time opt.zero_grad()\n"
               "    loss = model(torch.randn(2, 4).cuda()).sum()\n"
               "    loss.backward()\n"
               "    opt.step()\n"
               "    history.append(loss)", count=4),
    code("b5", "SELECT * FROM runs WHERE loss > 0.5", metadata={"vscode": {"languageId": "sql"}}),
    {"cell_type": "raw", "id": "b6", "metadata": {}, "source": lines("this is not python ((")},
])
write("magics.ipynb", dumps(MAGICS))
write("magics.fixed.ipynb", dumps(fixed(MAGICS, 3, "history.append(loss)", "history.append(loss.detach())")))

# 3. An R notebook: nothing is linted, nothing is an error.
R_META = {"kernelspec": {"display_name": "R", "language": "R", "name": "ir"},
          "language_info": {"codemirror_mode": "r", "file_extension": ".r", "mimetype": "text/x-r-source",
                            "name": "R", "pygments_lexer": "r", "version": "4.3.1"}}
write("r_kernel.ipynb", dumps(nb([
    code("c1", "library(torch)\nf <- function(x) { x + 1 }\nlosses <- c()\nfor (i in 1:10) { losses <- c(losses, f(i)) }", count=1),
    md("c2", "Plain R."),
], metadata=R_META)))

# 4. Another layout: two-space indent, CRLF line ends, a byte order mark, unsorted keys, and every
#    source a single string. The leak keeps the loss in a list.
QUIRKY = {"nbformat": 4, "nbformat_minor": 2, "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
          "cells": [
              {"source": "import torch\nfrom torch import nn\n", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None},
              {"cell_type": "code", "source": "net = nn.Linear(3, 1).cuda()\nopt = torch.optim.SGD(net.parameters(), lr=0.01)\nlosses = []\nfor i in range(10):\n    opt.zero_grad()\n    loss = net(torch.ones(3)).pow(2).sum()\n    loss.backward()\n    opt.step()\n    losses.append(loss)  # keeps every graph\n", "metadata": {}, "outputs": [], "execution_count": None},
          ]}
q = json.dumps(QUIRKY, indent=2, ensure_ascii=False)
write("quirky_layout.ipynb", "\ufeff" + q + "\n", newline="\r\n")
qf = copy.deepcopy(QUIRKY)
qf["cells"][1]["source"] = qf["cells"][1]["source"].replace("losses.append(loss)", "losses.append(loss.detach())")
write("quirky_layout.fixed.ipynb", "\ufeff" + json.dumps(qf, indent=2, ensure_ascii=False) + "\n", newline="\r\n")

# 5. Written with ensure_ascii=True (non-ASCII escaped), with non-ASCII text before the leak.
ASCII = nb([
    code("d1", "import torch  # modèle 🔥\nnet = torch.nn.Linear(2, 2).cuda()\nopt = torch.optim.SGD(net.parameters(), lr=0.1)", count=1),
    code("d2", "température = 0.0\nfor i in range(5):\n    opt.zero_grad()\n    perte = net(torch.ones(2)).sum()  # « perte »\n    perte.backward()\n    opt.step()\n    température += perte", count=2),
], minor=4)
write("ascii_escaped.ipynb", dumps(ASCII, ensure_ascii=True))
write("ascii_escaped.fixed.ipynb", dumps(fixed(ASCII, 1, "température += perte", "température += perte.item()"), ensure_ascii=True))

# 6. Broken notebooks: each must be reported as that file's error.
good = dumps(nb([code("e1", "import torch\nx = torch.zeros(3)")]))
write("broken_json.ipynb", good[: good.index("torch.zeros") + 5])
write("broken_no_cells.ipynb", dumps({"metadata": PY_META, "nbformat": 4, "nbformat_minor": 5}))
write("broken_nbformat3.ipynb", dumps({"metadata": {"name": "old"}, "nbformat": 3, "nbformat_minor": 0,
                                       "worksheets": [{"cells": [{"cell_type": "code", "collapsed": False, "input": ["import torch\n"], "language": "python", "metadata": {}, "outputs": []}], "metadata": {}}]}))
write("broken_source.ipynb", dumps(nb([code("f1", "x = 1"), {"cell_type": "code", "execution_count": None, "id": "f2", "metadata": {}, "outputs": [], "source": 42}])))
write("broken_not_object.ipynb", "[\n {\n  \"cells\": []\n }\n]\n")
with open(os.path.join(HERE, "broken_utf8.ipynb"), "wb") as f:
    f.write(dumps(nb([code("g1", "# caf\u00e9\nimport torch")])).encode("utf-8").replace("caf\u00e9".encode("utf-8"), b"caf\xe9"))

# 7. Cells that do not parse on their own (each reported in its cell and skipped) between cells that
#    do: a Python 2 print, an unterminated string, an unterminated triple-quoted string (its
#    "detected at line 3" counts the cell's lines), a bare shell line; IPython's clean-up makes an
#    indented cell and a doctest cell valid. The leak after the bad cells is still found and fixed;
#    --fix leaves the bad cells alone (the indented cell's lines are cleaned up, so not edited).
BAD = nb([
    code("h1", "import torch\nmodel = torch.nn.Linear(4, 4).cuda()\nopt = torch.optim.SGD(model.parameters(), lr=0.1)", count=1),
    code("h2", "print \"starting\"", count=2),
    code("h3", "label = 'unterminated\nsteps = 3", count=3),
    code("h4", "x = 1\nnote = \"\"\"never closed\nin this cell", count=4),
    code("h5", "pip install torch", count=5),
    code("h6", "    total = 0.0\n    for step in range(3):\n        opt.zero_grad()\n"
               "        loss = model(torch.randn(2, 4).cuda()).sum()\n        loss.backward()\n"
               "        opt.step()\n        total += loss", count=6),
    code("h7", ">>> def double(x):\n...     return x * 2\n>>> double(3)", count=7),
    md("h8", "Training, after the broken cells.\n\"\"\" (not code)"),
    code("h9", "history = []\nfor i in range(3):\n    opt.zero_grad()\n"
               "    loss = model(torch.randn(2, 4).cuda()).sum()\n    loss.backward()\n    opt.step()\n"
               "    history.append(loss)", count=9),
])
write("bad_cells.ipynb", dumps(BAD))
write("bad_cells.fixed.ipynb", dumps(fixed(BAD, 8, "history.append(loss)", "history.append(loss.detach())")))

# 8. Cells that parse only when joined: a bracket and a triple-quoted string that the next cell
#    closes. Jupyter runs each cell alone, so each of the three is a syntax error of its own.
SPANNING = nb([
    code("i1", "sizes = (1,", count=1),
    code("i2", "2)\nlabel = \"\"\"open", count=2),
    code("i3", "\"\"\"\nwidth = 3", count=3),
    code("i4", "import torch\nnet = torch.nn.Linear(2, 2).cuda()\nopt = torch.optim.SGD(net.parameters(), lr=0.1)\n"
               "total = 0.0\nfor i in range(5):\n    opt.zero_grad()\n    loss = net(torch.ones(2)).sum()\n"
               "    loss.backward()\n    opt.step()\n    total += loss", count=4),
])
write("spanning_cells.ipynb", dumps(SPANNING))
write("spanning_cells.fixed.ipynb", dumps(fixed(SPANNING, 3, "total += loss", "total += loss.item()")))
