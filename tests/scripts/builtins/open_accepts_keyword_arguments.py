# open() takes its parameters by keyword too, as the tutorial's
# `open(file_name, mode='wb')` does.
with open('picture.jpg', mode='wb') as file_object:
    file_object.write(b'\x89PNG')
with open(file='notes.txt', mode='w', encoding='utf-8') as f:
    f.write('协程\n')
print(open('picture.jpg', mode='rb').read())
print(open('notes.txt', encoding='utf-8').read(), end='')
