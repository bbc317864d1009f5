# The string handling the tutorial's download examples use.
url_list = [
    'https://www3.autoimg.cn/newsdfs/g26/M02/35/A9/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg',
    'https://www2.autoimg.cn/newsdfs/g30/M01/3C/E2/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg',
]
for url in url_list:
    file_name = url.rsplit('_')[-1]
    host = url.split('/')[2]
    print(host, file_name, file_name.endswith('.jpg'), host.startswith('www'))
print('python.org'.upper().replace('.', ' dot '))
