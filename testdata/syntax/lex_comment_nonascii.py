# -*- coding: utf-8 -*-
# comment with é and 日本
s = "ok"  # trailing é
