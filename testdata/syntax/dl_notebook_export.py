#!/usr/bin/env python
# coding: utf-8

# In[1]:


import torch
# get_ipython().run_line_magic('matplotlib', 'inline')


# In[2]:


x = torch.rand(3, 3)
x


# In[ ]:




