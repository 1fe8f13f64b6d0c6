for epoch in range(num_epochs):
    for i, (real, _) in enumerate(dataloader, 0):
        netD.zero_grad()
        b_size = real.size(0)
        label = torch.full((b_size,), 1.0, dtype=torch.float, device=device)
        output = netD(real.to(device)).view(-1)
        errD_real = criterion(output, label)
        errD_real.backward()
        noise = torch.randn(b_size, nz, 1, 1, device=device)
        fake = netG(noise)
        label.fill_(0.0)
        output = netD(fake.detach()).view(-1)
        errD_fake = criterion(output, label)
        errD_fake.backward()
        optimizerD.step()
        G_losses.append(errG.item())
        D_losses.append((errD_real + errD_fake).item())
        if (iters % 500 == 0) or ((epoch == num_epochs - 1) and (i == len(dataloader) - 1)):
            with torch.no_grad():
                img_list.append(vutils.make_grid(netG(fixed_noise).detach().cpu(), padding=2, normalize=True))
        iters += 1
